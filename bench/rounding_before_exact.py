#!/usr/bin/env python3
# docs/metrics.md "Exact arithmetic": what the engine did before core::Exact.
# Reproduces the old path (binary double subtraction, read at 15 significant digits, then half
# away from zero) over the x.x5 differences the new unit test sweeps; counts wrong-way roundings.
from decimal import Decimal, ROUND_HALF_UP
wrong = total = 0
for a in range(5, 10000, 10):
    for b in range(0, 1000, 37):
        exact = Decimal(a) / 100 - Decimal(b) / 10
        want = exact.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)
        d = float(f"{a//100}.{a%100:02d}") - float(f"{b//10}.{b%10}")
        old = Decimal(format(abs(d), '.14e')).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)
        old = -old if d < 0 else old
        total += 1
        wrong += (old != want)
print(total, wrong)
# the gap from the issue at 0 dp
d = 65.1 - 55.6
print(repr(d), Decimal(format(d, '.14e')).quantize(Decimal('1'), rounding=ROUND_HALF_UP))
