// fast-sort candidate: sorts every array in data/arrays.bin and writes them to $RATCHET_OUT/sorted.bin.
// Ratchet may change only the code between the EVOLVE-BLOCK markers (the sort itself and its tunables).
// The objective is the CPU time Ratchet measures for this whole process, from outside; the trusted scorer
// checks that each output array is exactly the sorted permutation of its input, and the sealed holdout runs
// the same program on arrays of other sizes and distributions.
// Format of both files (little-endian): int32 array count, then per array an int32 length and its int32 values.
using System.Buffers.Binary;

var output = Environment.GetEnvironmentVariable("RATCHET_OUT")
    ?? throw new InvalidOperationException("RATCHET_OUT is not set: run this program through Ratchet or check.sh");
var arrays = ArrayFile.Read("data/arrays.bin");
foreach (var array in arrays)
    Sorter.Sort(array);
ArrayFile.Write(Path.Combine(output, "sorted.bin"), arrays);
Console.WriteLine($"sorted {arrays.Count} arrays, {arrays.Sum(a => (long)a.Length)} values");

// EVOLVE-BLOCK-START
/// <summary>The sort being made faster: a textbook quicksort (explicit stack, no recursion) with its choices as
/// tunables. The initial choices are the slow ones on purpose: first-element pivot and Lomuto partition go
/// quadratic on sorted, reversed and duplicate-heavy arrays.</summary>
static class Sorter
{
    public const int Pivot = 0;            // 0: first element, 1: middle element, 2: median of first, middle and last
    public const int Partition = 0;        // 0: Lomuto (one index; equal keys all go right), 1: Hoare (two indices)
    public const int InsertionCutoff = 1;  // ranges of at most this many values are finished by insertion sort

    public static void Sort(int[] a)
    {
        var pending = new Stack<(int Lo, int Hi)>();
        pending.Push((0, a.Length - 1));
        while (pending.Count > 0)
        {
            var (lo, hi) = pending.Pop();
            if (hi - lo + 1 <= Math.Max(1, InsertionCutoff))
            {
                InsertionSort(a, lo, hi);
                continue;
            }
            var pivotAt = Pivot switch
            {
                1 => lo + (hi - lo) / 2,
                2 => MedianOfThree(a, lo, lo + (hi - lo) / 2, hi),
                _ => lo,
            };
            (a[lo], a[pivotAt]) = (a[pivotAt], a[lo]);
            if (Partition == 1)
            {
                var split = Hoare(a, lo, hi);
                pending.Push((lo, split));
                pending.Push((split + 1, hi));
            }
            else
            {
                var at = Lomuto(a, lo, hi);
                pending.Push((lo, at - 1));
                pending.Push((at + 1, hi));
            }
        }
    }

    /// <summary>Pivot a[lo]; returns its final index, smaller values left of it, the rest right.</summary>
    private static int Lomuto(int[] a, int lo, int hi)
    {
        var pivot = a[lo];
        var store = lo;
        for (var i = lo + 1; i <= hi; i++)
        {
            if (a[i] < pivot)
            {
                store++;
                (a[store], a[i]) = (a[i], a[store]);
            }
        }
        (a[lo], a[store]) = (a[store], a[lo]);
        return store;
    }

    /// <summary>Pivot a[lo]; returns j with a[lo..j] &lt;= pivot &lt;= a[j+1..hi], both sides non-empty.</summary>
    private static int Hoare(int[] a, int lo, int hi)
    {
        var pivot = a[lo];
        var i = lo - 1;
        var j = hi + 1;
        while (true)
        {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j)
                return j;
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    private static int MedianOfThree(int[] a, int x, int y, int z) =>
        a[x] < a[y]
            ? (a[y] < a[z] ? y : a[x] < a[z] ? z : x)
            : (a[x] < a[z] ? x : a[y] < a[z] ? z : y);

    private static void InsertionSort(int[] a, int lo, int hi)
    {
        for (var i = lo + 1; i <= hi; i++)
        {
            var value = a[i];
            var j = i - 1;
            while (j >= lo && a[j] > value)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }
}
// EVOLVE-BLOCK-END

/// <summary>Reads and writes the task's array files.</summary>
static class ArrayFile
{
    public static List<int[]> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var arrays = new List<int[]>(count);
        var at = 4;
        for (var k = 0; k < count; k++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            at += 4;
            var array = new int[length];
            for (var i = 0; i < length; i++, at += 4)
                array[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            arrays.Add(array);
        }
        return arrays;
    }

    public static void Write(string path, List<int[]> arrays)
    {
        var bytes = new byte[4 + arrays.Sum(a => 4 + 4L * a.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, arrays.Count);
        var at = 4;
        foreach (var array in arrays)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), array.Length);
            at += 4;
            foreach (var value in array)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);
                at += 4;
            }
        }
        File.WriteAllBytes(path, bytes);
    }
}
