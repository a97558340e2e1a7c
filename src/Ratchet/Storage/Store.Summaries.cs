namespace Ratchet.Storage;

public sealed partial class Store
{
    /// <summary>Every candidate's <see cref="CandidateSummary"/> in decision order, streamed: several times faster
    /// than <see cref="Candidates"/> on large runs, which parses each candidate's JSON columns.</summary>
    public IEnumerable<CandidateSummary> CandidateSummaries()
    {
        using var command = Command("SELECT id, seq, label, parent, operator, status, outcome, score, promoted, evaluated_at FROM candidates ORDER BY seq");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            yield return new CandidateSummary(
                r.GetString(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                CandidateStatusNames.Parse(r.GetString(5)), r.IsDBNull(6) ? null : Evaluation.OutcomeNames.Parse(r.GetString(6)),
                r.IsDBNull(7) ? null : r.GetDouble(7), r.GetInt64(8) != 0, r.IsDBNull(9) ? null : r.GetString(9));
        }
    }
}
