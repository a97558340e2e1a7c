namespace Ratchet.Tests.Tasks;

/// <summary>A clock standing still at a given instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A clock an hour ahead, so every file on disk counts as settled.</summary>
    public static FixedTime HourAhead() => new(DateTimeOffset.UtcNow.AddHours(1));
}
