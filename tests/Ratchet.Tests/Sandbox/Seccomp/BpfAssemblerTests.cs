using System.Buffers.Binary;
using Ratchet.Sandbox.Seccomp;

namespace Ratchet.Tests.Sandbox.Seccomp;

public sealed class BpfAssemblerTests
{
    [Fact]
    public void Assemble_WhenJumpingToALabel_EncodesTheRelativeOffset()
    {
        var bpf = new BpfAssembler();
        bpf.Load(4);
        bpf.JumpIfEqual(7, "yes", "no");
        bpf.Label("no");
        bpf.Ret(0);
        bpf.Label("yes");
        bpf.Ret(1);

        var bytes = bpf.Assemble();

        Assert.Equal(32, bytes.Length);
        Assert.Equal(BpfAssembler.JumpEqual, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(1, bytes[8 + 2]); // to "yes": skip one instruction
        Assert.Equal(0, bytes[8 + 3]); // to "no": the next one
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
    }

    [Fact]
    public void Assemble_WhenAJumpIsLongerThan255_RefusesInsteadOfWrapping()
    {
        var bpf = new BpfAssembler();
        bpf.JumpIfEqual(0, "far");
        for (var i = 0; i < 300; i++)
        {
            bpf.Ret(0);
        }

        bpf.Label("far");
        bpf.Ret(1);

        Assert.Throws<InvalidOperationException>(bpf.Assemble);
    }
}
