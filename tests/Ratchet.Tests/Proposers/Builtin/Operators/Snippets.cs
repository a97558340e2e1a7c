namespace Ratchet.Tests.Proposers.Builtin.Operators;

/// <summary>Programs in each supported family, with numbers, operators, brackets and booleans inside comments and
/// strings that no operator may touch.</summary>
internal static class Snippets
{
    public const string CSharp = """
        using System;
        // EVOLVE-BLOCK-START
        public static class Tuning
        {
            // rate = 0.5 < 1 && true { (
            public const double Rate = 0.25;
            public static int Steps(int n)
            {
                var s = $"{n + 1} steps < 3 && false";
                var v = @"c:\tmp ""2"" [";
                var total = n * 3 + 2;
                if (total > 10 && n < 4 || true)
                    total = total - 1;
                bool flag = false;
                char c = '}';
                return flag ? total / 2 : total;
            }
        }
        // EVOLVE-BLOCK-END

        """;

    public const string Python = """
        import math

        def score(xs):
            # EVOLVE-BLOCK-START
            '''Doc with 3 + 4 < 5 and True (['''
            weights = [0.5, -1.25, 3.0]  # 7 * 8 > 9 or False
            scale = 2 * len(xs) + 1
            label = f"{scale + 1} and 2 < 3"
            if scale > 3 and xs:
                scale = scale / 2
            flag = True
            total = sum(w * x for w, x in zip(weights, xs))
            return total - scale
            # EVOLVE-BLOCK-END

        """;

    public const string JavaScript = """
        // EVOLVE-BLOCK-START
        function run(xs) {
          /* 1 + 2 < 3 && true { */
          const rate = 0.125;
          const re = /[0-9]+ < 4/g;
          const msg = `n=${xs.length + 1} and 5 > 6`;
          let total = xs.length * 2 + 1;
          if (total > 3 && rate < 1 || false) {
            total = total - 1;
          }
          const ok = true;
          return ok ? total / 2 : total;
        }
        // EVOLVE-BLOCK-END

        """;

    public const string C = """
        #include <stdio.h>
        #include <stdbool.h>
        #define LIMIT 100
        /* EVOLVE-BLOCK-START */
        int run(int n) {
            /* 1 + 2 < 3 && 1 { */
            double rate = 0.75;
            const char *s = "4 < 5 && (";
            char c = '{';
            bool strict = false;
            int total = n * 3 + 2;
            if (total > 10 && n < 4 || rate > 0.5) {
                total = total - 1;
            }
            return total / 2;
        }
        /* EVOLVE-BLOCK-END */

        """;

    public static IReadOnlyList<(string Path, string Text)> All { get; } =
        [("tune.cs", CSharp), ("score.py", Python), ("run.js", JavaScript), ("run.c", C)];
}
