namespace Dunning.Domain;

/// <summary>Simple penalty interest: <paramref name="DailyRate"/> of the overdue principal per day, from
/// <paramref name="StartAfterDays"/> days past due, capped at <paramref name="CapRate"/> of the original principal.</summary>
public sealed record PenaltyTerms(decimal DailyRate, int StartAfterDays, decimal CapRate);
