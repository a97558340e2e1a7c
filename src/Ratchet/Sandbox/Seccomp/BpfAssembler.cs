using System.Buffers.Binary;

namespace Ratchet.Sandbox.Seccomp;

/// <summary>Writes a classic BPF program (struct sock_filter[]) with named jump targets.</summary>
internal sealed class BpfAssembler
{
    internal const ushort LoadWordAbsolute = 0x20; // BPF_LD | BPF_W | BPF_ABS
    internal const ushort JumpEqual = 0x15;         // BPF_JMP | BPF_JEQ | BPF_K
    internal const ushort JumpGreaterEqual = 0x35;  // BPF_JMP | BPF_JGE | BPF_K
    internal const ushort JumpSet = 0x45;           // BPF_JMP | BPF_JSET | BPF_K
    internal const ushort Return = 0x06;            // BPF_RET | BPF_K

    private readonly List<(ushort Code, string? IfTrue, string? IfFalse, uint K)> _code = [];
    private readonly Dictionary<string, int> _labels = [];

    public void Label(string name) => _labels.Add(name, _code.Count);

    public void Load(uint offset) => _code.Add((LoadWordAbsolute, null, null, offset));

    /// <summary>Jumps to <paramref name="ifTrue"/> when A == k, else falls through (or goes to <paramref name="ifFalse"/>).</summary>
    public void JumpIfEqual(uint k, string ifTrue, string? ifFalse = null) => _code.Add((JumpEqual, ifTrue, ifFalse, k));

    public void JumpIfAtLeast(uint k, string ifTrue) => _code.Add((JumpGreaterEqual, ifTrue, null, k));

    public void JumpIfAnyBit(uint mask, string ifTrue) => _code.Add((JumpSet, ifTrue, null, mask));

    public void Ret(uint action) => _code.Add((Return, null, null, action));

    /// <summary>The program as the kernel reads it: 8 bytes per instruction, native (little-endian) order.</summary>
    public byte[] Assemble()
    {
        var bytes = new byte[_code.Count * 8];
        for (var i = 0; i < _code.Count; i++)
        {
            var (code, ifTrue, ifFalse, k) = _code[i];
            var span = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, code);
            span[2] = Offset(i, ifTrue);
            span[3] = Offset(i, ifFalse);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], k);
        }

        return bytes;
    }

    private byte Offset(int from, string? label)
    {
        if (label is null)
        {
            return 0;
        }

        var distance = _labels[label] - from - 1;
        return distance is >= 0 and <= byte.MaxValue
            ? (byte)distance
            : throw new InvalidOperationException($"BPF jump from {from} to '{label}' is out of range ({distance})");
    }
}
