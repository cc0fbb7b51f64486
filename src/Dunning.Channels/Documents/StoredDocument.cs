namespace Dunning.Channels.Documents;

/// <summary>A document as stored in Blob Storage: <see cref="Location"/> is "{container}/{blob}", <see cref="Sha256"/>
/// the lower-case hex SHA-256 of <see cref="Content"/>. <see cref="Created"/> is false when an earlier attempt had
/// already stored it, in which case the content is that earlier one's.</summary>
public sealed record StoredDocument(string Location, string Sha256, byte[] Content, bool Created);
