namespace Dunning.Channels.Documents;

/// <summary>A letter waiting for postal dispatch: which document to print (with its hash, so the print room can check
/// it prints the evidence), to whom and where. <see cref="IdempotencyKey"/> lets the print room drop a duplicate.</summary>
public sealed record PrintLetter(
    string CaseId,
    string ContactId,
    string Kind,
    string Document,
    string Sha256,
    string Recipient,
    string Address,
    string IdempotencyKey,
    DateTimeOffset QueuedAt);

/// <summary>A letter as an operator sees it on the print queue.</summary>
public sealed record QueuedLetter(string MessageId, DateTimeOffset? InsertedOn, PrintLetter Letter);
