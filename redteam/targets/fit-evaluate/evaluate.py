import json

import program

CASES = json.load(open("cases.json"))


def main():
    passed = 0
    for case in CASES:
        try:
            got = program.solve(case["op"], list(case["args"]))
        except Exception:
            continue
        if got == case["expected"]:
            passed += 1
    print(json.dumps({"score": passed / len(CASES), "passed": passed, "cases": len(CASES)}))


if __name__ == "__main__":
    main()
