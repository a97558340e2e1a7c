import json
import os


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(limit):
    return sum(1 for n in range(limit) if is_prime(n))


limit = json.load(open("data/limit.json"))["limit"]
with open(os.path.join(os.environ["RATCHET_OUT"], "count.json"), "w") as f:
    json.dump({"count": count_primes(limit)}, f)
