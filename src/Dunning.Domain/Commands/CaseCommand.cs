using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>A request to change a case. Every command carries the instant it is decided at; the domain reads no clock.
/// The JSON discriminator <c>type</c> is the command's name, so a command round-trips through a command log or a
/// workflow's history as its own type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenCase), nameof(OpenCase))]
[JsonDerivedType(typeof(FireTimer), nameof(FireTimer))]
[JsonDerivedType(typeof(ReceivePayment), nameof(ReceivePayment))]
[JsonDerivedType(typeof(PauseCase), nameof(PauseCase))]
[JsonDerivedType(typeof(ResumeCase), nameof(ResumeCase))]
[JsonDerivedType(typeof(EscalateCase), nameof(EscalateCase))]
[JsonDerivedType(typeof(RecordPromise), nameof(RecordPromise))]
[JsonDerivedType(typeof(AgreePlan), nameof(AgreePlan))]
[JsonDerivedType(typeof(ClassifyDebtor), nameof(ClassifyDebtor))]
[JsonDerivedType(typeof(CloseCase), nameof(CloseCase))]
[JsonDerivedType(typeof(DisputeCase), nameof(DisputeCase))]
[JsonDerivedType(typeof(OptOut), nameof(OptOut))]
[JsonDerivedType(typeof(ReportDelivery), nameof(ReportDelivery))]
[JsonDerivedType(typeof(ReportVisitOutcome), nameof(ReportVisitOutcome))]
[JsonDerivedType(typeof(RecordDocument), nameof(RecordDocument))]
[JsonDerivedType(typeof(RaiseAlert), nameof(RaiseAlert))]
public abstract record CaseCommand(DateTimeOffset Now)
{
    /// <summary>The command's name, as the history's rejections and the command log show it.</summary>
    [JsonIgnore]
    public string Type => GetType().Name;
}

/// <summary>A command a person gives: it names who and why, and both land in the history.</summary>
public interface ISupervisorCommand
{
    Actor By { get; }

    string Reason { get; }
}
