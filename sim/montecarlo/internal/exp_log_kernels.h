#pragma once
// The bodies of exp, log1p and log (exp_log.h), once on doubles and once on AVX2 vectors of 4 doubles,
// side by side: each pair performs the same IEEE operations in the same order (the vector code
// computes every case and blends, which changes no lane's value), so a lane gives the same bits as the
// scalar function. Inline so the lane kernels (binomial.cpp) keep their vectors in registers.
//
// Only for files compiled with -ffp-contract=off (sim/CMakeLists.txt: exp_log.cpp, binomial.cpp): a
// fused multiply-add would round differently in one of the two versions.
//
// Methods (the vector versions without branches):
// - exp: x = k ln2 / 128 + r with k = round(128 x / ln2) and |r| <= ln2 / 256 (ln2 / 128 in a head
//   whose products with k are exact, fdlibm's split, and a tail), exp(x) = 2^(k / 128) exp(r) with
//   2^(j / 128) from a table (a double and its relative rounding error) and exp(r) - 1 from its Taylor
//   series to r^5 (the rest is below 2^-60), as the table-driven exp of ARM's optimized routines that
//   glibc uses. The power of 2 goes into the exponent bits; results below the smallest normal double
//   are computed 2^1000 higher and scaled down (a second rounding, to the subnormal spacing).
// - log1p, as fdlibm's s_log1p.c (Sun Microsystems, 1993): 1 + x = 2^k m + c with m in
//   [sqrt(1/2), sqrt(2)) and c the rounding error of 1 + x (exact, Fast2Sum), log(m) = f - f^2/2 +
//   s (f^2/2 + R) from f = m - 1 and s = f / (2 + f), with fdlibm's minimax R(s^2) = Lg1 s^2 + ... +
//   Lg7 s^14 (error below 2^-58) in even and odd powers, plus c / (1 + x). When k = 0 the argument is
//   used as it is (f = x, c = 0): no rounding before the series.
// - log, table-driven (the method of glibc's log, with a table and an exact reduction of our own,
//   tools/log_table.py; no division): x = 2^k z with z in [0.6875, 1.375) (subnormal x scaled by 2^52
//   first), log(x) = k ln2 + log(c) + log1p(r) with r = z / c - 1 for the c of z's interval (128 of
//   them), 1 / c = invc held with 11 significant bits so that r = z invc - 1 is exact as a sum of two
//   doubles: z = zh + zl with zh 42 bits, zh invc - 1 and zl invc exact, their sum by Fast2Sum. log(c)
//   is a head (a multiple of 2^-32, so k ln2hi + head is exact) and a tail; the three intervals around
//   1 take c = 1. log1p(r) - r from its Taylor series to r^8 (|r| <= 2^-7; the rest is below 2^-59 of
//   log x). Then (k ln2hi + head) + r as a sum of two (Fast2Sum: |head| > |r| outside the middle) and
//   the small terms added to the lower part before the last addition: about 0,52 ulp.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#include "simd_target.h"

namespace swv::simd::exp_log_detail {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000: 32 bits, k * kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr int kExpN = 128;                               // table entries per power of 2
constexpr double kExpInvLn2N = 0x1.71547652b82fep7;     // 128 / ln 2
constexpr double kExpLn2HiN = kLn2Hi / kExpN, kExpLn2LoN = kLn2Lo / kExpN;  // exact scalings
constexpr double kExpC[4] = {1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120};      // exp(r) = 1 + r + C0 r^2 + ...
constexpr double kExpOver = 7.09782712893383973096e+02;   // exp(x) overflows above
constexpr double kExpUnder = -7.45133219101941108420e+02;  // exp(x) rounds to 0 below
constexpr double kRound = 0x1.8p52;  // y + kRound - kRound: y rounded to a whole number, which sits in the low bits
// 2^(j / 128) = H (1 + T) for j = 0..127: kExpTail[j] holds T's bits, kExpScale[j] H's bits minus j << 45,
// so that adding k << 45 for k = 128 i + j gives H 2^i. Computed with 60-digit decimals (H correctly
// rounded, T = (2^(j / 128) - H) / H rounded); tests/montecarlo/test_exp_log.cpp checks them.
inline constexpr uint64_t kExpTail[kExpN] = {
    0x0000000000000000ull, 0x3c9b3b4f1a88bf6eull, 0xbc7160139cd8dc5dull, 0xbc905e7a108766d1ull,
    0x3c8cd2523567f613ull, 0xbc8bce8023f98efaull, 0x3c60f74e61e6c861ull, 0x3c90a3e45b33d399ull,
    0x3c979aa65d837b6dull, 0x3c8eb51a92fdeffcull, 0x3c3ebe3d702f9cd1ull, 0xbc6a033489906e0bull,
    0xbc9556522a2fbd0eull, 0xbc5080ef8c4eea55ull, 0xbc91c923b9d5f416ull, 0x3c80d3e3e95c55afull,
    0xbc801b15eaa59348ull, 0xbc8f1ff055de323dull, 0x3c8b898c3f1353bfull, 0xbc96d99c7611eb26ull,
    0x3c9aecf73e3a2f60ull, 0xbc8fe782cb86389dull, 0x3c8a6f4144a6c38dull, 0x3c807a05b0e4047dull,
    0x3c968efde3a8a894ull, 0x3c875e18f274487dull, 0x3c80472b981fe7f2ull, 0xbc96b87b3f71085eull,
    0x3c82f7e16d09ab31ull, 0xbc3d219b1a6fbffaull, 0x3c8b3782720c0ab4ull, 0x3c6e149289cecb8full,
    0x3c834d754db0abb6ull, 0x3c864201e2ac744cull, 0x3c8fdd395dd3f84aull, 0xbc86a3803b8e5b04ull,
    0xbc924aedcc4b5068ull, 0xbc9907f81b512d8eull, 0xbc71d1e83e9436d2ull, 0xbc991919b3ce1b15ull,
    0x3c859f48a72a4c6dull, 0xbc9312607a28698aull, 0xbc58a78f4817895bull, 0xbc7c2c9b67499a1bull,
    0x3c4363ed60c2ac11ull, 0x3c9666093b0664efull, 0x3c6ecce1daa10379ull, 0x3c93ff8e3f0f1230ull,
    0x3c7690cebb7aafb0ull, 0x3c931dbdeb54e077ull, 0xbc8f94340071a38eull, 0xbc87deccdc93a349ull,
    0xbc78dec6bd0f385full, 0xbc861246ec7b5cf6ull, 0x3c93350518fdd78eull, 0x3c7b98b72f8a9b05ull,
    0x3c9063e1e21c5409ull, 0x3c34c7855019c6eaull, 0x3c9432e62b64c035ull, 0xbc8ce44a6199769full,
    0xbc8c33c53bef4da8ull, 0xbc845378892be9aeull, 0xbc93cedd78565858ull, 0x3c5710aa807e1964ull,
    0xbc93b3efbf5e2228ull, 0xbc6a12ad8734b982ull, 0xbc6367efb86da9eeull, 0xbc80dc3d54e08851ull,
    0xbc781f647e5a3ecfull, 0xbc86ee4ac08b7db0ull, 0xbc8619321e55e68aull, 0x3c909ccb5e09d4d3ull,
    0xbc7b32dcb94da51dull, 0x3c94ecfd5467c06bull, 0x3c65ebe1abd66c55ull, 0xbc88a1c52fb3cf42ull,
    0xbc9369b6f13b3734ull, 0xbc805e843a19ff1eull, 0xbc94d450d872576eull, 0x3c90ad675b0e8a00ull,
    0x3c8db72fc1f0eab4ull, 0xbc65b6609cc5e7ffull, 0x3c7bf68359f35f44ull, 0xbc93091fa71e3d83ull,
    0xbc5da9b88b6c1e29ull, 0xbc6c23f97c90b959ull, 0xbc92434322f4f9aaull, 0xbc85ca6cd7668e4bull,
    0x3c71affc2b91ce27ull, 0x3c6dd235e10a73bbull, 0xbc87c50422622263ull, 0x3c8b1c86e3e231d5ull,
    0xbc91bbd1d3bcbb15ull, 0x3c90cc319cee31d2ull, 0x3c8469846e735ab3ull, 0xbc82dfcd978e9db4ull,
    0x3c8c1a7792cb3387ull, 0xbc907b8f4ad1d9faull, 0xbc55c3d956dcaebaull, 0xbc90a40e3da6f640ull,
    0xbc68d6f438ad9334ull, 0xbc91eee26b588a35ull, 0x3c74ffd70a5fddcdull, 0xbc91bdfbfa9298acull,
    0x3c736eae30af0cb3ull, 0x3c8ee3325c9ffd94ull, 0x3c84e08fd10959acull, 0x3c63cdaf384e1a67ull,
    0x3c676b2c6c921968ull, 0xbc808a1883ccb5d2ull, 0xbc8fad5d3ffffa6full, 0xbc900dae3875a949ull,
    0x3c74a385a63d07a7ull, 0xbc82919e2040220full, 0x3c8e5a50d5c192acull, 0x3c843a59ac016b4bull,
    0xbc82d52107b43e1full, 0xbc892ab93b470dc9ull, 0x3c74b604603a88d3ull, 0x3c83c5ec519d7271ull,
    0xbc8ff7128fd391f0ull, 0xbc8dae98e223747dull, 0x3c8ec3bc41aa2008ull, 0x3c842b94c3a9eb32ull,
    0x3c8a64a931d185eeull, 0xbc8e37bae43be3edull, 0x3c77893b4d91cd9dull, 0x3c5305c14160cc89ull,
};
inline constexpr uint64_t kExpScale[kExpN] = {
    0x3ff0000000000000ull, 0x3feff63da9fb3335ull, 0x3fefec9a3e778061ull, 0x3fefe315e86e7f85ull,
    0x3fefd9b0d3158574ull, 0x3fefd06b29ddf6deull, 0x3fefc74518759bc8ull, 0x3fefbe3ecac6f383ull,
    0x3fefb5586cf9890full, 0x3fefac922b7247f7ull, 0x3fefa3ec32d3d1a2ull, 0x3fef9b66affed31bull,
    0x3fef9301d0125b51ull, 0x3fef8abdc06c31ccull, 0x3fef829aaea92de0ull, 0x3fef7a98c8a58e51ull,
    0x3fef72b83c7d517bull, 0x3fef6af9388c8deaull, 0x3fef635beb6fcb75ull, 0x3fef5be084045cd4ull,
    0x3fef54873168b9aaull, 0x3fef4d5022fcd91dull, 0x3fef463b88628cd6ull, 0x3fef3f49917ddc96ull,
    0x3fef387a6e756238ull, 0x3fef31ce4fb2a63full, 0x3fef2b4565e27cddull, 0x3fef24dfe1f56381ull,
    0x3fef1e9df51fdee1ull, 0x3fef187fd0dad990ull, 0x3fef1285a6e4030bull, 0x3fef0cafa93e2f56ull,
    0x3fef06fe0a31b715ull, 0x3fef0170fc4cd831ull, 0x3feefc08b26416ffull, 0x3feef6c55f929ff1ull,
    0x3feef1a7373aa9cbull, 0x3feeecae6d05d866ull, 0x3feee7db34e59ff7ull, 0x3feee32dc313a8e5ull,
    0x3feedea64c123422ull, 0x3feeda4504ac801cull, 0x3feed60a21f72e2aull, 0x3feed1f5d950a897ull,
    0x3feece086061892dull, 0x3feeca41ed1d0057ull, 0x3feec6a2b5c13cd0ull, 0x3feec32af0d7d3deull,
    0x3feebfdad5362a27ull, 0x3feebcb299fddd0dull, 0x3feeb9b2769d2ca7ull, 0x3feeb6daa2cf6642ull,
    0x3feeb42b569d4f82ull, 0x3feeb1a4ca5d920full, 0x3feeaf4736b527daull, 0x3feead12d497c7fdull,
    0x3feeab07dd485429ull, 0x3feea9268a5946b7ull, 0x3feea76f15ad2148ull, 0x3feea5e1b976dc09ull,
    0x3feea47eb03a5585ull, 0x3feea34634ccc320ull, 0x3feea23882552225ull, 0x3feea155d44ca973ull,
    0x3feea09e667f3bcdull, 0x3feea012750bdabfull, 0x3fee9fb23c651a2full, 0x3fee9f7df9519484ull,
    0x3fee9f75e8ec5f74ull, 0x3fee9f9a48a58174ull, 0x3fee9feb564267c9ull, 0x3feea0694fde5d3full,
    0x3feea11473eb0187ull, 0x3feea1ed0130c132ull, 0x3feea2f336cf4e62ull, 0x3feea427543e1a12ull,
    0x3feea589994cce13ull, 0x3feea71a4623c7adull, 0x3feea8d99b4492edull, 0x3feeaac7d98a6699ull,
    0x3feeace5422aa0dbull, 0x3feeaf3216b5448cull, 0x3feeb1ae99157736ull, 0x3feeb45b0b91ffc6ull,
    0x3feeb737b0cdc5e5ull, 0x3feeba44cbc8520full, 0x3feebd829fde4e50ull, 0x3feec0f170ca07baull,
    0x3feec49182a3f090ull, 0x3feec86319e32323ull, 0x3feecc667b5de565ull, 0x3feed09bec4a2d33ull,
    0x3feed503b23e255dull, 0x3feed99e1330b358ull, 0x3feede6b5579fdbfull, 0x3feee36bbfd3f37aull,
    0x3feee89f995ad3adull, 0x3feeee07298db666ull, 0x3feef3a2b84f15fbull, 0x3feef9728de5593aull,
    0x3feeff76f2fb5e47ull, 0x3fef05b030a1064aull, 0x3fef0c1e904bc1d2ull, 0x3fef12c25bd71e09ull,
    0x3fef199bdd85529cull, 0x3fef20ab5fffd07aull, 0x3fef27f12e57d14bull, 0x3fef2f6d9406e7b5ull,
    0x3fef3720dcef9069ull, 0x3fef3f0b555dc3faull, 0x3fef472d4a07897cull, 0x3fef4f87080d89f2ull,
    0x3fef5818dcfba487ull, 0x3fef60e316c98398ull, 0x3fef69e603db3285ull, 0x3fef7321f301b460ull,
    0x3fef7c97337b9b5full, 0x3fef864614f5a129ull, 0x3fef902ee78b3ff6ull, 0x3fef9a51fbc74c83ull,
    0x3fefa4afa2a490daull, 0x3fefaf482d8e67f1ull, 0x3fefba1bee615a27ull, 0x3fefc52b376bba97ull,
    0x3fefd0765b6e4540ull, 0x3fefdbfdad9cbe14ull, 0x3fefe7c1819e90d8ull, 0x3feff3c22b8f71f1ull,
};
constexpr double kLg[7] = {6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
                           2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
                           1.479819860511658591e-01};  // fdlibm's Lg1..Lg7 (Lp1..Lp7 of s_log1p.c)
// log: z's interval from the 7 bits below the exponent of bits(x) - kLogOff (tools/log_table.py).
constexpr int kLogN = 128;
constexpr uint64_t kLogOff = 0x3fe6000000000000ull;       // bits(0.6875)
constexpr uint64_t kLogTop = 0xFFFull << 52;               // sign and exponent bits
constexpr uint64_t kLogHead = ~uint64_t{0x7FF};            // z without its last 11 bits: 42 bits, times invc exact
constexpr double kLogC[7] = {-1.0 / 2, 1.0 / 3, -1.0 / 4, 1.0 / 5, -1.0 / 6, 1.0 / 7, -1.0 / 8};  // log1p(r) = r + C0 r^2 + ...
inline constexpr double kLogInvC[kLogN] = {
    0x1.7340000000000p+0, 0x1.7140000000000p+0, 0x1.6f40000000000p+0, 0x1.6d00000000000p+0,
    0x1.6b00000000000p+0, 0x1.6900000000000p+0, 0x1.6700000000000p+0, 0x1.6540000000000p+0,
    0x1.6340000000000p+0, 0x1.6140000000000p+0, 0x1.5f80000000000p+0, 0x1.5d80000000000p+0,
    0x1.5bc0000000000p+0, 0x1.59c0000000000p+0, 0x1.5800000000000p+0, 0x1.5640000000000p+0,
    0x1.5480000000000p+0, 0x1.52c0000000000p+0, 0x1.5100000000000p+0, 0x1.4f40000000000p+0,
    0x1.4d80000000000p+0, 0x1.4bc0000000000p+0, 0x1.4a40000000000p+0, 0x1.4880000000000p+0,
    0x1.46c0000000000p+0, 0x1.4540000000000p+0, 0x1.43c0000000000p+0, 0x1.4200000000000p+0,
    0x1.4080000000000p+0, 0x1.3f00000000000p+0, 0x1.3d40000000000p+0, 0x1.3bc0000000000p+0,
    0x1.3a40000000000p+0, 0x1.38c0000000000p+0, 0x1.3740000000000p+0, 0x1.35c0000000000p+0,
    0x1.3480000000000p+0, 0x1.3300000000000p+0, 0x1.3180000000000p+0, 0x1.3000000000000p+0,
    0x1.2ec0000000000p+0, 0x1.2d40000000000p+0, 0x1.2c00000000000p+0, 0x1.2a80000000000p+0,
    0x1.2940000000000p+0, 0x1.27c0000000000p+0, 0x1.2680000000000p+0, 0x1.2540000000000p+0,
    0x1.2400000000000p+0, 0x1.22c0000000000p+0, 0x1.2140000000000p+0, 0x1.2000000000000p+0,
    0x1.1ec0000000000p+0, 0x1.1d80000000000p+0, 0x1.1c40000000000p+0, 0x1.1b00000000000p+0,
    0x1.1a00000000000p+0, 0x1.18c0000000000p+0, 0x1.1780000000000p+0, 0x1.1640000000000p+0,
    0x1.1500000000000p+0, 0x1.1400000000000p+0, 0x1.12c0000000000p+0, 0x1.11c0000000000p+0,
    0x1.1080000000000p+0, 0x1.0f40000000000p+0, 0x1.0e40000000000p+0, 0x1.0d40000000000p+0,
    0x1.0c00000000000p+0, 0x1.0b00000000000p+0, 0x1.09c0000000000p+0, 0x1.08c0000000000p+0,
    0x1.07c0000000000p+0, 0x1.06c0000000000p+0, 0x1.0580000000000p+0, 0x1.0480000000000p+0,
    0x1.0380000000000p+0, 0x1.0280000000000p+0, 0x1.0000000000000p+0, 0x1.0000000000000p+0,
    0x1.0000000000000p+0, 0x1.fa00000000000p-1, 0x1.f640000000000p-1, 0x1.f240000000000p-1,
    0x1.ee80000000000p-1, 0x1.eb00000000000p-1, 0x1.e740000000000p-1, 0x1.e3c0000000000p-1,
    0x1.e000000000000p-1, 0x1.dcc0000000000p-1, 0x1.d940000000000p-1, 0x1.d5c0000000000p-1,
    0x1.d280000000000p-1, 0x1.cf40000000000p-1, 0x1.cc00000000000p-1, 0x1.c8c0000000000p-1,
    0x1.c580000000000p-1, 0x1.c280000000000p-1, 0x1.bf40000000000p-1, 0x1.bc40000000000p-1,
    0x1.b940000000000p-1, 0x1.b640000000000p-1, 0x1.b380000000000p-1, 0x1.b080000000000p-1,
    0x1.adc0000000000p-1, 0x1.ab00000000000p-1, 0x1.a840000000000p-1, 0x1.a580000000000p-1,
    0x1.a2c0000000000p-1, 0x1.a000000000000p-1, 0x1.9d80000000000p-1, 0x1.9b00000000000p-1,
    0x1.9840000000000p-1, 0x1.95c0000000000p-1, 0x1.9340000000000p-1, 0x1.90c0000000000p-1,
    0x1.8e80000000000p-1, 0x1.8c00000000000p-1, 0x1.8980000000000p-1, 0x1.8740000000000p-1,
    0x1.8500000000000p-1, 0x1.82c0000000000p-1, 0x1.8080000000000p-1, 0x1.7e40000000000p-1,
    0x1.7c00000000000p-1, 0x1.79c0000000000p-1, 0x1.7780000000000p-1, 0x1.7580000000000p-1,
};
inline constexpr double kLogCHi[kLogN] = {
    -0x1.7c9e770400000p-2, -0x1.77166c7400000p-2, -0x1.7186b11400000p-2, -0x1.6b3bb22400000p-2,
    -0x1.659b573000000p-2, -0x1.5ff3070c00000p-2, -0x1.5a42ab1000000p-2, -0x1.5541aec800000p-2,
    -0x1.4f81fe4800000p-2, -0x1.49b9feb800000p-2, -0x1.44a41b4800000p-2, -0x1.3ecc461000000p-2,
    -0x1.39a861a000000p-2, -0x1.33c05f1400000p-2, -0x1.2e8e2bb000000p-2, -0x1.29552f8000000p-2,
    -0x1.241558c000000p-2, -0x1.1ece955400000p-2, -0x1.1980d2dc00000p-2, -0x1.142bfeb800000p-2,
    -0x1.0ed005f800000p-2, -0x1.096cd55400000p-2, -0x1.04c8de1800000p-2, -0x1.feb0234000000p-3,
    -0x1.f3bfa93800000p-3, -0x1.ea5349e000000p-3, -0x1.e0dbc3d800000p-3, -0x1.d5c216b800000p-3,
    -0x1.cc320c0000000p-3, -0x1.c296855800000p-3, -0x1.b7526a2000000p-3, -0x1.ad9da1f800000p-3,
    -0x1.a3dd04b800000p-3, -0x1.9a10756800000p-3, -0x1.9037d6a000000p-3, -0x1.86530a9000000p-3,
    -0x1.7e0afd6000000p-3, -0x1.740f8f5800000p-3, -0x1.6a079d1000000p-3, -0x1.5ff3070800000p-3,
    -0x1.5782cb3000000p-3, -0x1.4d56b57800000p-3, -0x1.44d2b6d000000p-3, -0x1.3a8eb2d000000p-3,
    -0x1.31f693e800000p-3, -0x1.279a300800000p-3, -0x1.1eed90e000000p-3, -0x1.16377fb000000p-3,
    -0x1.0d77e7d000000p-3, -0x1.04aeb44800000p-3, -0x1.f42dba4000000p-4, -0x1.e27076e000000p-4,
    -0x1.d09f72b000000p-4, -0x1.beba818000000p-4, -0x1.acc1768000000p-4, -0x1.9ab4246000000p-4,
    -0x1.8c345d6000000p-4, -0x1.7a0216f000000p-4, -0x1.67bb072000000p-4, -0x1.555efe4000000p-4,
    -0x1.42edcbf000000p-4, -0x1.341d796000000p-4, -0x1.2185b3b000000p-4, -0x1.1296444000000p-4,
    -0x1.ffae912000000p-5, -0x1.da0478c000000p-5, -0x1.bbc2bfc000000p-5, -0x1.9d644fe000000p-5,
    -0x1.77458f6000000p-5, -0x1.58a5bb0000000p-5, -0x1.32348c8000000p-5, -0x1.1352378000000p-5,
    -0x1.e8a3ee4000000p-6, -0x1.aa67220000000p-6, -0x1.5c45a50000000p-6, -0x1.1d7f7ec000000p-6,
    -0x1.bcf7130000000p-7, -0x1.3e72960000000p-7, 0.0, 0.0,
    0.0, 0x1.82448a0000000p-7, 0x1.3b024b8000000p-6, 0x1.be04230000000p-6,
    0x1.1ce5a62000000p-5, 0x1.5715c4c000000p-5, 0x1.95e4310000000p-5, 0x1.d0f2c1e000000p-5,
    0x1.08598b6000000p-4, 0x1.242d6c2000000p-4, 0x1.425bce8000000p-4, 0x1.60c38ba000000p-4,
    0x1.7d33688000000p-4, 0x1.99d62a6000000p-4, 0x1.b6ac88e000000p-4, 0x1.d3b73f3000000p-4,
    0x1.f0f70ce000000p-4, 0x1.0613535800000p-3, 0x1.14e75b4800000p-3, 0x1.22aff2e000000p-3,
    0x1.3090734000000p-3, 0x1.3e892fe800000p-3, 0x1.4b6d6ff000000p-3, 0x1.59958ff000000p-3,
    0x1.66a5d42800000p-3, 0x1.73cb907800000p-3, 0x1.81070bd800000p-3, 0x1.8e588eb800000p-3,
    0x1.9bc062f000000p-3, 0x1.a93ed3c800000p-3, 0x1.b5971a2000000p-3, 0x1.c2028ab000000p-3,
    0x1.cfc2571800000p-3, 0x1.dc56cae800000p-3, 0x1.e8ff262000000p-3, 0x1.f5bba83000000p-3,
    0x1.00a1c6ac00000p-2, 0x1.0713860400000p-2, 0x1.0d8fb81400000p-2, 0x1.136ef03000000p-2,
    0x1.1956d3b800000p-2, 0x1.1f477c7400000p-2, 0x1.2541049400000p-2, 0x1.2b4386c000000p-2,
    0x1.314f1e1c00000p-2, 0x1.3763e64800000p-2, 0x1.3d81fb5800000p-2, 0x1.42f9f40000000p-2,
};
inline constexpr double kLogCLo[kLogN] = {
    0x1.cc16aa8b88bd4p-40, -0x1.0096999f82a55p-36, 0x1.fb9b2c76620b6p-36, 0x1.4d784ed42b667p-35,
    -0x1.f0f940ed857c7p-37, 0x1.86c2c378c1df6p-34, 0x1.6603cc75e5befp-35, -0x1.1bf9fa5548e34p-34,
    0x1.385ff3d90d3fcp-35, 0x1.f44a7c74ea93ep-37, 0x1.c3b8475c320c2p-34, 0x1.0a0b014313e0ap-34,
    0x1.75ce235cd9195p-35, 0x1.7225720c701c3p-34, 0x1.ee2cf63d336e5p-34, -0x1.ff5234c05dc71p-34,
    0x1.75fe0019bae07p-37, 0x1.75184e7b09b4ap-34, -0x1.4236f674f46c4p-34, -0x1.a047398616d63p-34,
    0x1.a825b8ea50b55p-34, -0x1.917e663481543p-34, -0x1.07806516bb4c5p-36, 0x1.9f833a4734a86p-35,
    0x1.94c4c1aad908ep-34, -0x1.1d606e4d31cf3p-34, -0x1.2aac919f8294ep-35, 0x1.822375237794dp-34,
    -0x1.7650240e6994ep-35, -0x1.8318146108e3bp-36, -0x1.72381b7e5cf0bp-34, -0x1.39df520dff03fp-38,
    -0x1.3865f684d9b8bp-35, -0x1.88592a9890b34p-35, -0x1.804c37a95f072p-35, 0x1.c799d13cd2c57p-34,
    -0x1.86139e7c1d8f1p-34, 0x1.fe42d9b264063p-34, 0x1.0aa5c07bb72ebp-36, -0x1.3c9e9e439f105p-34,
    -0x1.22c5b9cae86bcp-36, -0x1.8ec02c00ad4b3p-35, 0x1.a4170cc161358p-34, -0x1.8d1bafb77d5d5p-34,
    -0x1.8ccb31b234b8dp-34, -0x1.5a7bd0cacc8d4p-34, -0x1.6e16156370976p-34, -0x1.24191e1abf417p-35,
    0x1.7b8d34cb44743p-34, -0x1.f66bea4197335p-35, 0x1.774c4adccb7dbp-34, -0x1.57972f4f54400p-35,
    -0x1.31209180006aap-34, -0x1.46764874920e1p-36, -0x1.0ccab0f8be901p-34, -0x1.019d66df661e4p-35,
    -0x1.8cd907ad65a15p-35, -0x1.9278493286106p-34, -0x1.bb03ee496d3dfp-34, -0x1.6a1692f190d1cp-37,
    0x1.66e43f1115836p-34, -0x1.bd1d092998376p-36, -0x1.d68739d81c337p-34, -0x1.7156224572ac4p-39,
    0x1.91b3f322f674fp-35, 0x1.c6dad384e0902p-37, -0x1.13d05cf2dd7d0p-35, 0x1.761b7d632dc62p-43,
    -0x1.96e7e231a7951p-36, 0x1.b8d95b9cab857p-36, 0x1.ffd2d248de9c3p-34, -0x1.65c7ca7891c0bp-35,
    0x1.e646a7e8f794ep-35, 0x1.17ca5629474a1p-34, -0x1.b8d38893bd24fp-34, 0x1.845064ea0ff32p-36,
    0x1.c5e3da1f68427p-34, 0x1.6d2c1383fe534p-34, 0.0, 0.0,
    0.0, 0x1.c45155104b161p-34, -0x1.cea65a1dc5fd0p-36, -0x1.94b84ef5e034ep-37,
    0x1.786a731e3637ep-34, 0x1.e77772203b89dp-40, -0x1.cc6e88b3dda1dp-35, -0x1.2cc72071f78f4p-36,
    -0x1.8717e5dd70099p-34, -0x1.69d68f8ea736fp-34, 0x1.1d26cb58a433bp-34, 0x1.e65172c43aec1p-34,
    -0x1.eb61bb9e0c7ccp-35, 0x1.7ae5ba2fb0689p-34, -0x1.4a9390802bf77p-34, 0x1.f87e6a0267b4ap-34,
    -0x1.3368e7049ec6ap-35, -0x1.95a73ee75f2fcp-34, 0x1.3ffdf8466dfe2p-36, -0x1.21347854d60d3p-34,
    -0x1.8e3033720ec9fp-34, 0x1.956daab645355p-35, -0x1.dd5ba2615230dp-39, 0x1.d52f17d344b1bp-35,
    0x1.1d69a24cea801p-34, -0x1.81759aa434001p-34, -0x1.1bfe017f5997dp-37, 0x1.616df572acb44p-34,
    0x1.37e1d3606027ap-34, 0x1.5b3c6de57d4efp-36, 0x1.3acda8741d549p-35, 0x1.7f9b47c46a8e1p-35,
    -0x1.a11810b32c7f2p-34, -0x1.d685321576c7ap-34, 0x1.5d5e384f4ce60p-34, 0x1.828364a9487b5p-37,
    0x1.da473635a22e8p-34, 0x1.ab0c4e6d8b76ap-35, -0x1.4e1173778ac06p-38, -0x1.7d6f4160c3961p-34,
    0x1.bc2fa5ee75a35p-34, 0x1.732dada8021afp-34, 0x1.cad8ebd6077bcp-35, 0x1.68f0c139d1a1bp-34,
    0x1.35ce3b0a59bd8p-34, -0x1.bab9d3835b88dp-34, 0x1.46dba707aac59p-34, -0x1.3b37cddf84166p-35,
};
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kLog1pTiny = 0x1p-54;  // below, log1p(x) rounds to x
constexpr uint64_t kMantissa = 0x000FFFFFFFFFFFFFull, kOneBits = 0x3FF0000000000000ull;

inline uint64_t bits_of(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline double from_bits(uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// The scalar functions return the special cases first (one predictable branch, off the dependency
// chain); the vector ones compute every lane and blend them in at the end. A lane's value is the same.
inline double exp_one(double x) {
  if (!(x >= kExpUnder && x <= kExpOver)) return x != x ? x : (x > 0 ? std::numeric_limits<double>::infinity() : 0.0);
  const double kr = x * kExpInvLn2N + kRound;
  const double kd = kr - kRound;
  const uint64_t k = bits_of(kr) - bits_of(kRound);  // two's complement
  const double r = (x - kd * kExpLn2HiN) - kd * kExpLn2LoN;  // the first difference is exact
  const size_t j = static_cast<size_t>(k % kExpN);
  const double r2 = r * r;
  const double tmp = from_bits(kExpTail[j]) + r + r2 * (kExpC[0] + r * kExpC[1]) + r2 * r2 * (kExpC[2] + r * kExpC[3]);
  const uint64_t sbits = kExpScale[j] + (k << 45);
  // 2^(k / 128) (1 + tmp); the power of 2 in the exponent bits while the result is normal (k / 128
  // from -1021 to 1022), else 2^1000 (subnormal results) or 2^-1 (near overflow) away and back.
  const bool tiny = kd < -1021.0 * kExpN, big = kd >= 1023.0 * kExpN;
  if (tiny || big) {
    const double scale = from_bits(tiny ? sbits + (uint64_t{1000} << 52) : sbits - (uint64_t{1} << 52));
    return (scale + scale * tmp) * (tiny ? 0x1p-1000 : 2.0);
  }
  const double scale = from_bits(sbits);
  return scale + scale * tmp;
}

inline double log1p_one(double x) {
  if (!(x > -1.0 && x < std::numeric_limits<double>::infinity()))
    return x == -1.0 ? -std::numeric_limits<double>::infinity() : (x < -1.0 ? std::numeric_limits<double>::quiet_NaN() : x);
  if (from_bits(bits_of(x) & ~(uint64_t{1} << 63)) < kLog1pTiny) return x;
  const double u = 1.0 + x;
  const double c0 = x > 1.0 ? 1.0 - (u - x) : x - (u - 1.0);  // 1 + x - u exactly (larger operand first)
  const uint64_t b = bits_of(u);
  double e = from_bits((b >> 52) | bits_of(0x1p52)) - 0x1p52;  // the biased exponent, exactly
  e = e - 1023.0;
  double m = from_bits((b & kMantissa) | kOneBits);
  const bool big = m > kSqrt2;
  m = big ? m * 0.5 : m;
  e = big ? e + 1.0 : e;
  double f = x, c = 0.0;
  if (e != 0.0) f = m - 1.0, c = c0 / u;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;  // R in even and odd powers of z, as fdlibm's e_log.c
  const double R = z * (kLg[0] + w * (kLg[2] + w * (kLg[4] + w * kLg[6]))) + w * (kLg[1] + w * (kLg[3] + w * kLg[5]));
  const double hfsq = 0.5 * f * f;
  return e * kLn2Hi - ((hfsq - (s * (hfsq + R) + (e * kLn2Lo + c))) - f);
}

inline double log_one(double x) {
  double sub = 0.0;
  if (!(x >= std::numeric_limits<double>::min() && x < std::numeric_limits<double>::infinity())) {
    if (!(x > 0.0 && x < std::numeric_limits<double>::infinity()))
      return x == 0.0 ? -std::numeric_limits<double>::infinity() : (x < 0.0 ? std::numeric_limits<double>::quiet_NaN() : x);
    x *= 0x1p52;  // subnormal: 2^52 higher, exactly
    sub = -52.0;
  }
  const uint64_t ix = bits_of(x);
  const uint64_t tmp = ix - kLogOff;
  const size_t i = static_cast<size_t>((tmp >> 45) % kLogN);
  const double kd = sub + static_cast<double>(static_cast<int64_t>(tmp) >> 52);  // the exponent k of x = 2^k z
  const double z = from_bits(ix - (tmp & kLogTop));
  const double invc = kLogInvC[i];
  const double zh = from_bits(bits_of(z) & kLogHead);
  const double a = zh * invc - 1.0, b = (z - zh) * invc;  // both exact
  const double r = a + b, rlo = (a - r) + b;              // z invc - 1 = r + rlo exactly
  const double w = kd * kLn2Hi + kLogCHi[i];               // exact
  const double hi = w + r, lo = (w - hi) + r;
  const double wlo = kd * kLn2Lo + kLogCLo[i];
  const double r2 = r * r;
  const double p = r2 * (kLogC[0] + r * kLogC[1]) + (r2 * r2) * ((kLogC[2] + r * kLogC[3]) + r2 * ((kLogC[4] + r * kLogC[5]) + r2 * kLogC[6]));
  return hi + (((lo + rlo) + wlo) + p);
}

#if SWV_HAVE_X86

SWV_AVX2 inline __m256d exp4(__m256d x) {
  const __m256d round = _mm256_set1_pd(kRound);
  const __m256d kr = _mm256_add_pd(_mm256_mul_pd(x, _mm256_set1_pd(kExpInvLn2N)), round);
  const __m256d kd = _mm256_sub_pd(kr, round);
  const __m256i k = _mm256_sub_epi64(_mm256_castpd_si256(kr), _mm256_castpd_si256(round));
  const __m256d r = _mm256_sub_pd(_mm256_sub_pd(x, _mm256_mul_pd(kd, _mm256_set1_pd(kExpLn2HiN))),
                                  _mm256_mul_pd(kd, _mm256_set1_pd(kExpLn2LoN)));
  const __m256i j = _mm256_and_si256(k, _mm256_set1_epi64x(kExpN - 1));
  const __m256d tail = _mm256_castsi256_pd(_mm256_i64gather_epi64(reinterpret_cast<const long long*>(kExpTail), j, 8));
  const __m256i sbits =
      _mm256_add_epi64(_mm256_i64gather_epi64(reinterpret_cast<const long long*>(kExpScale), j, 8), _mm256_slli_epi64(k, 45));
  const __m256d r2 = _mm256_mul_pd(r, r);
  const __m256d p01 = _mm256_add_pd(_mm256_set1_pd(kExpC[0]), _mm256_mul_pd(r, _mm256_set1_pd(kExpC[1])));
  const __m256d p23 = _mm256_add_pd(_mm256_set1_pd(kExpC[2]), _mm256_mul_pd(r, _mm256_set1_pd(kExpC[3])));
  const __m256d tmp = _mm256_add_pd(_mm256_add_pd(_mm256_add_pd(tail, r), _mm256_mul_pd(r2, p01)), _mm256_mul_pd(_mm256_mul_pd(r2, r2), p23));
  const __m256d tiny = _mm256_cmp_pd(kd, _mm256_set1_pd(-1021.0 * kExpN), _CMP_LT_OQ);
  const __m256d big = _mm256_cmp_pd(kd, _mm256_set1_pd(1023.0 * kExpN), _CMP_GE_OQ);
  const __m256i shift = _mm256_blendv_epi8(_mm256_set1_epi64x(-(int64_t{1} << 52)), _mm256_set1_epi64x(int64_t{1000} << 52),
                                           _mm256_castpd_si256(tiny));
  const __m256d scale = _mm256_castsi256_pd(sbits);
  const __m256d scale2 = _mm256_castsi256_pd(_mm256_add_epi64(sbits, shift));
  const __m256d normal = _mm256_add_pd(scale, _mm256_mul_pd(scale, tmp));
  const __m256d scaled = _mm256_mul_pd(_mm256_add_pd(scale2, _mm256_mul_pd(scale2, tmp)),
                                       _mm256_blendv_pd(_mm256_set1_pd(2.0), _mm256_set1_pd(0x1p-1000), tiny));
  __m256d res = _mm256_blendv_pd(normal, scaled, _mm256_or_pd(tiny, big));
  res = _mm256_blendv_pd(res, _mm256_set1_pd(std::numeric_limits<double>::infinity()),
                         _mm256_cmp_pd(x, _mm256_set1_pd(kExpOver), _CMP_GT_OQ));
  res = _mm256_blendv_pd(res, _mm256_setzero_pd(), _mm256_cmp_pd(x, _mm256_set1_pd(kExpUnder), _CMP_LT_OQ));
  return _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}

SWV_AVX2 inline __m256d log1p4(__m256d x) {
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d u = _mm256_add_pd(one, x);
  const __m256d c0 = _mm256_blendv_pd(_mm256_sub_pd(x, _mm256_sub_pd(u, one)), _mm256_sub_pd(one, _mm256_sub_pd(u, x)),
                                      _mm256_cmp_pd(x, one, _CMP_GT_OQ));
  const __m256i b = _mm256_castpd_si256(u);
  const __m256d two52 = _mm256_set1_pd(0x1p52);
  __m256d e = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(b, 52), _mm256_castpd_si256(two52))), two52);
  e = _mm256_sub_pd(e, _mm256_set1_pd(1023.0));
  __m256d m = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(b, _mm256_set1_epi64x(static_cast<long long>(kMantissa))),
                                                  _mm256_set1_epi64x(static_cast<long long>(kOneBits))));
  const __m256d big = _mm256_cmp_pd(m, _mm256_set1_pd(kSqrt2), _CMP_GT_OQ);
  m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), big);
  e = _mm256_blendv_pd(e, _mm256_add_pd(e, one), big);
  const __m256d central = _mm256_cmp_pd(e, _mm256_setzero_pd(), _CMP_EQ_OQ);
  const __m256d f = _mm256_blendv_pd(_mm256_sub_pd(m, one), x, central);
  const __m256d c = _mm256_blendv_pd(_mm256_div_pd(c0, u), _mm256_setzero_pd(), central);
  const __m256d s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
  const __m256d z = _mm256_mul_pd(s, s);
  const __m256d w = _mm256_mul_pd(z, z);
  __m256d lg[7];
  for (int j = 0; j < 7; ++j) lg[j] = _mm256_set1_pd(kLg[j]);
  const __m256d odd = _mm256_mul_pd(
      z, _mm256_add_pd(lg[0], _mm256_mul_pd(w, _mm256_add_pd(lg[2], _mm256_mul_pd(w, _mm256_add_pd(lg[4], _mm256_mul_pd(w, lg[6])))))));
  const __m256d even = _mm256_mul_pd(w, _mm256_add_pd(lg[1], _mm256_mul_pd(w, _mm256_add_pd(lg[3], _mm256_mul_pd(w, lg[5])))));
  const __m256d R = _mm256_add_pd(odd, even);
  const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), f), f);
  const __m256d inner = _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, R)),
                                      _mm256_add_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Lo)), c));
  __m256d res = _mm256_sub_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Hi)), _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
  const __m256d sign = _mm256_set1_pd(-0.0), inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(_mm256_andnot_pd(sign, x), _mm256_set1_pd(kLog1pTiny), _CMP_LT_OQ));
  const __m256d minus_one = _mm256_set1_pd(-1.0);
  res = _mm256_blendv_pd(res, _mm256_xor_pd(inf, sign), _mm256_cmp_pd(x, minus_one, _CMP_EQ_OQ));
  res = _mm256_blendv_pd(res, _mm256_set1_pd(std::numeric_limits<double>::quiet_NaN()), _mm256_cmp_pd(x, minus_one, _CMP_LT_OQ));
  res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, inf, _CMP_EQ_OQ));
  return _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}

// t[i] for the 4 indices in i.
SWV_AVX2 inline __m256d gather4(const double* t, __m256i i) {
  return _mm256_castsi256_pd(_mm256_i64gather_epi64(reinterpret_cast<const long long*>(t), i, 8));
}

SWV_AVX2 inline __m256d log4(__m256d x0) {
  const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
  const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  const __m256d sub = _mm256_and_pd(_mm256_cmp_pd(x0, zero, _CMP_GT_OQ),
                                    _mm256_cmp_pd(x0, _mm256_set1_pd(std::numeric_limits<double>::min()), _CMP_LT_OQ));
  const __m256d x = _mm256_blendv_pd(x0, _mm256_mul_pd(x0, _mm256_set1_pd(0x1p52)), sub);
  const __m256i ix = _mm256_castpd_si256(x);
  const __m256i tmp = _mm256_sub_epi64(ix, _mm256_set1_epi64x(static_cast<long long>(kLogOff)));
  const __m256i i = _mm256_and_si256(_mm256_srli_epi64(tmp, 45), _mm256_set1_epi64x(kLogN - 1));
  // k = tmp >> 52 as a signed 12-bit number (no 64-bit arithmetic shift in AVX2): k + 2048 as a double, exactly, less 2048.
  const __m256d two52 = _mm256_set1_pd(0x1p52);
  const __m256i biased = _mm256_xor_si256(_mm256_srli_epi64(tmp, 52), _mm256_set1_epi64x(0x800));
  const __m256d k = _mm256_sub_pd(_mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(biased, _mm256_castpd_si256(two52))), two52),
                                  _mm256_set1_pd(2048.0));
  const __m256d kd = _mm256_add_pd(_mm256_and_pd(sub, _mm256_set1_pd(-52.0)), k);
  const __m256d z = _mm256_castsi256_pd(_mm256_sub_epi64(ix, _mm256_and_si256(tmp, _mm256_set1_epi64x(static_cast<long long>(kLogTop)))));
  const __m256d invc = gather4(kLogInvC, i);
  const __m256d zh = _mm256_and_pd(z, _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(kLogHead))));
  const __m256d a = _mm256_sub_pd(_mm256_mul_pd(zh, invc), one), b = _mm256_mul_pd(_mm256_sub_pd(z, zh), invc);
  const __m256d r = _mm256_add_pd(a, b), rlo = _mm256_add_pd(_mm256_sub_pd(a, r), b);
  const __m256d w = _mm256_add_pd(_mm256_mul_pd(kd, _mm256_set1_pd(kLn2Hi)), gather4(kLogCHi, i));
  const __m256d hi = _mm256_add_pd(w, r), lo = _mm256_add_pd(_mm256_sub_pd(w, hi), r);
  const __m256d wlo = _mm256_add_pd(_mm256_mul_pd(kd, _mm256_set1_pd(kLn2Lo)), gather4(kLogCLo, i));
  __m256d c[7];
  for (int j = 0; j < 7; ++j) c[j] = _mm256_set1_pd(kLogC[j]);
  const __m256d r2 = _mm256_mul_pd(r, r);
  const __m256d p67 = _mm256_add_pd(_mm256_add_pd(c[4], _mm256_mul_pd(r, c[5])), _mm256_mul_pd(r2, c[6]));
  const __m256d p47 = _mm256_add_pd(_mm256_add_pd(c[2], _mm256_mul_pd(r, c[3])), _mm256_mul_pd(r2, p67));
  const __m256d p = _mm256_add_pd(_mm256_mul_pd(r2, _mm256_add_pd(c[0], _mm256_mul_pd(r, c[1]))), _mm256_mul_pd(_mm256_mul_pd(r2, r2), p47));
  __m256d res = _mm256_add_pd(hi, _mm256_add_pd(_mm256_add_pd(_mm256_add_pd(lo, rlo), wlo), p));
  // The special cases, as log_one returns them: 0 -> -inf, below 0 -> NaN, +inf and NaN themselves.
  res = _mm256_blendv_pd(res, _mm256_sub_pd(zero, inf), _mm256_cmp_pd(x0, zero, _CMP_EQ_OQ));
  res = _mm256_blendv_pd(res, _mm256_set1_pd(std::numeric_limits<double>::quiet_NaN()), _mm256_cmp_pd(x0, zero, _CMP_LT_OQ));
  res = _mm256_blendv_pd(res, x0, _mm256_cmp_pd(x0, inf, _CMP_EQ_OQ));
  return _mm256_blendv_pd(res, x0, _mm256_cmp_pd(x0, x0, _CMP_UNORD_Q));
}

#endif  // SWV_HAVE_X86

}  // namespace swv::simd::exp_log_detail
