using System.Text;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>Maps a <see cref="MessageRecord"/> to its table row. Long texts (an e-mail's HTML) are split over numbered
/// properties: a string property holds at most 32K characters, a row 1 MiB.</summary>
internal static class MessageEntity
{
    private const int ChunkChars = 30_000;
    private const int MaxTextChars = 360_000;
    private const int MaxDetailChars = 2_000;

    public static TableEntity From(MessageRecord record)
    {
        var entity = new TableEntity(TableKeys.Safe(record.CaseId), TableKeys.Safe(record.ContactId))
        {
            ["CaseId"] = record.CaseId,
            ["ContactId"] = record.ContactId,
            ["Channel"] = record.Channel.ToString(),
            ["IdempotencyKey"] = record.IdempotencyKey,
            ["To"] = record.To,
            ["Subject"] = record.Subject,
            ["Attachments"] = string.Join('\n', record.Attachments),
            ["ProviderMessageId"] = record.ProviderMessageId,
            ["Status"] = record.Status,
            ["Detail"] = record.Detail is { Length: > MaxDetailChars } d ? d[..MaxDetailChars] : record.Detail,
            ["At"] = record.At,
            ["StatusAt"] = record.StatusAt,
        };
        WriteText(entity, "Body", record.Body);
        WriteText(entity, "Html", record.Html);
        return entity;
    }

    public static MessageRecord To(TableEntity entity) => new(
        entity.GetString("CaseId"),
        entity.GetString("ContactId"),
        Enum.Parse<ContactChannel>(entity.GetString("Channel")),
        entity.GetString("IdempotencyKey") ?? "",
        entity.GetString("To") ?? "",
        entity.GetString("Subject"),
        ReadText(entity, "Body") ?? "",
        ReadText(entity, "Html"),
        entity.GetString("Attachments") is { Length: > 0 } names ? names.Split('\n') : [],
        entity.GetString("ProviderMessageId"),
        entity.GetString("Status") ?? "",
        entity.GetString("Detail"),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("StatusAt"));

    private static void WriteText(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxTextChars)
        {
            throw new ArgumentException($"The message's {name} has {text.Length} characters; the message log keeps at most {MaxTextChars}.");
        }

        entity[name] = text.Length <= ChunkChars ? text : text[..ChunkChars];
        for (int part = 1, start = ChunkChars; start < text.Length; part++, start += ChunkChars)
        {
            entity[$"{name}{part}"] = text.Substring(start, Math.Min(ChunkChars, text.Length - start));
        }
    }

    private static string? ReadText(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var text = new StringBuilder(first);
        for (var part = 1; entity.GetString($"{name}{part}") is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }
}
