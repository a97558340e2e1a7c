using System.Buffers.Binary;

namespace Ratchet.Tests.Sandbox.Seccomp;

/// <summary>Runs the subset of classic BPF the seccomp filter uses, over a struct seccomp_data, as the kernel would.</summary>
internal static class BpfInterpreter
{
    public static uint Run(byte[] program, uint arch, uint nr, params ulong[] args)
    {
        var data = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(data, nr);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), arch);
        for (var i = 0; i < args.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(16 + 8 * i), args[i]);
        }

        uint accumulator = 0;
        for (var pc = 0; pc < program.Length / 8; pc++)
        {
            var instruction = program.AsSpan(pc * 8, 8);
            var code = BinaryPrimitives.ReadUInt16LittleEndian(instruction);
            var (jt, jf) = (instruction[2], instruction[3]);
            var k = BinaryPrimitives.ReadUInt32LittleEndian(instruction[4..]);
            switch (code)
            {
                case 0x20:
                    accumulator = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)k));
                    break;
                case 0x15:
                    pc += accumulator == k ? jt : jf;
                    break;
                case 0x35:
                    pc += accumulator >= k ? jt : jf;
                    break;
                case 0x45:
                    pc += (accumulator & k) != 0 ? jt : jf;
                    break;
                case 0x06:
                    return k;
                default:
                    throw new InvalidOperationException($"unexpected BPF code 0x{code:x} at {pc}");
            }
        }

        throw new InvalidOperationException("BPF program fell off its end");
    }
}
