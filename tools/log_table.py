#!/usr/bin/env python3
"""Prints the table of our own log (sim/montecarlo/internal/exp_log_kernels.h, issue 31c).

log(x) = k ln 2 + log(c) + log1p(z / c - 1) for x = 2^k z, z in [0.6875, 1.375) split into 128
intervals by the 7 bits below the exponent of bits(x) - bits(0.6875): 80 of width 2^-8 below 1,
48 of width 2^-7 from 1. Per interval: invc, 1 / (the interval's middle) rounded to 11 significant
bits (so that z invc - 1 can be computed exactly, exp_log_kernels.h), and -log(invc) as a head that
is a multiple of 2^-32 (k ln2hi + head is then exact) and a tail rounded to a double. The three
intervals around 1, [1 - 2^-7, 1 + 2^-7), take invc = 1 and log(c) = 0: there z - 1 is exact and the
series alone gives log1p. Computed with 60-digit decimals; tests/montecarlo/test_exp_log.cpp checks
the table against long double logl.
"""
from decimal import Decimal, getcontext
from fractions import Fraction
import math

getcontext().prec = 60
N = 128
rows = []
worst_r = Fraction(0)
for i in range(N):
    if i < 80:
        lo = Fraction(11, 16) + Fraction(i, 256)
        width = Fraction(1, 256)
    else:
        lo = 1 + Fraction(i - 80, 128)
        width = Fraction(1, 128)
    if i in (78, 79, 80):
        invc = Fraction(1)
        head = Fraction(0)
        tail = 0.0
        r = Fraction(0)  # |z - 1| < 2^-7 here
    else:
        mid = lo + width / 2
        inv = 1 / mid
        e = math.floor(math.log2(inv))
        scale = Fraction(2) ** (10 - e)
        invc = Fraction(round(inv * scale)) / scale  # 11 significant bits
        logc = -(Decimal(invc.numerator) / Decimal(invc.denominator)).ln()
        head = Fraction(round(logc * (Decimal(2) ** 32))) / 2**32
        tail = float(logc - Decimal(head.numerator) / Decimal(head.denominator))
        r = max(abs(lo * invc - 1), abs((lo + width) * invc - 1))
        # the series' argument never exceeds the head (Fast2Sum of k ln2hi + head and r)
        assert abs(head) > r, i
    worst_r = max(worst_r, r)
    rows.append((float(invc), float(head), tail))
    assert Fraction(float(invc)) == invc and Fraction(float(head)) == head
print(f"// largest |z invc - 1| outside the middle (2^-7 in it): {float(worst_r):.6g} (2^{math.log2(worst_r):.3f})")
for name, col in (("kLogInvC", 0), ("kLogCHi", 1), ("kLogCLo", 2)):
    print(f"inline constexpr double {name}[kLogN] = {{")
    vals = [r[col].hex() if r[col] != 0 else "0.0" for r in rows]
    for j in range(0, N, 4):
        print("    " + ", ".join(vals[j:j + 4]) + ",")
    print("};")
