namespace Dunning.Domain;

/// <summary>What a ladder step does. JSON names: sms, email, call, visit, report, demand-notice, lawyer-letter, legal.</summary>
public enum StepAction
{
    Sms,
    Email,
    Call,
    Visit,
    Report,
    DemandNotice,
    LawyerLetter,
    Legal,
}
