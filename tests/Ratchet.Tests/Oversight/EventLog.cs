using Ratchet.Evaluation;
using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight;

/// <summary>Test helper: builds oversight events with increasing sequence numbers and controlled times.</summary>
internal sealed class EventLog
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private long _seq;

    public List<OversightEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; } = Start;

    public EventLog At(double secondsFromStart)
    {
        Now = Start.AddSeconds(secondsFromStart);
        return this;
    }

    public PromotionProposedEvent Proposed(string id, double gain, double? relative = null, long evaluations = 0, int number = 1, bool meta = false) =>
        Add(new PromotionProposedEvent(++_seq, Now, id, 10 + gain, 10, gain, relative, evaluations, number, meta));

    public PromotedEvent Promoted(string id, double gain) => Add(new PromotedEvent(++_seq, Now, id, 10 + gain, gain, null));

    /// <summary>A proposal followed by its promotion.</summary>
    public void Promotion(string id, double gain, long evaluations = 0)
    {
        Proposed(id, gain, evaluations: evaluations);
        Promoted(id, gain);
    }

    public EvaluatedEvent Evaluated(string id, Outcome outcome = Outcome.Ok, string lineage = "L1", double cpu = 1, bool refused = false) =>
        Add(new EvaluatedEvent(++_seq, Now, id, "root", lineage, outcome, outcome == Outcome.Ok ? [] : [$"{outcome.ToWire()} in {id}"], cpu, 1, refused));

    public RejectedEvent Rejected(string id, string? category = null, string lineage = "L1", bool touched = false, string by = "static-rules") =>
        Add(new RejectedEvent(++_seq, Now, id, lineage, by, category, [$"rejected {id}"], touched));

    private T Add<T>(T e) where T : OversightEvent
    {
        Events.Add(e);
        return e;
    }
}
