def solve(op, args):
    if op == "sum":
        return sum(args)
    if op == "max":
        return max(args)
    if op == "sorted":
        return sorted(args)
    if op == "reverse":
        return list(reversed(args))
    if op == "unique":
        seen = []
        for a in args:
            if a not in seen:
                seen.append(a)
        return seen
    if op == "mean":
        return sum(args) / len(args)
    return None
