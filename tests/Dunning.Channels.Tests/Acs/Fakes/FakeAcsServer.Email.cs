using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dunning.Channels.Tests.Acs;

public sealed partial class FakeAcsServer
{
    /// <summary>Starts an operation under the caller's Operation-Id; an id already used is a 409 and sends nothing.</summary>
    private Answer EmailSend(HttpRequest request, byte[] body)
    {
        var id = request.Headers["Operation-Id"].ToString();
        if (!Guid.TryParseExact(id, "D", out _))
        {
            return new Answer(400, Error("InvalidOperationId", "Operation-Id must be a GUID"));
        }

        lock (_gate)
        {
            _operationIdsPosted.Add(id);
            if (_emails.ContainsKey(id))
            {
                return new Answer(409, Error("Conflict", $"Operation {id} already exists"));
            }

            _emails[id] = new EmailOperationState(id, Encoding.UTF8.GetString(body), EmailPollsBeforeEnd, EmailOutcome);
        }

        return new Answer(202, new JsonObject { ["id"] = id, ["status"] = "Running" }, EmailRetryAfter,
            new Uri(Endpoint, $"emails/operations/{id}?api-version=2023-03-31").ToString());
    }

    /// <summary>Running for <see cref="EmailPollsBeforeEnd"/> polls, then the outcome; a failure carries an error.</summary>
    private Answer EmailStatus(string id)
    {
        lock (_gate)
        {
            if (!_emails.TryGetValue(id, out var operation))
            {
                return new Answer(404, Error("NotFound", $"No operation {id}"));
            }

            if (operation.PollsLeft > 0)
            {
                operation.PollsLeft--;
                return new Answer(200, new JsonObject { ["id"] = id, ["status"] = "Running" }, EmailRetryAfter);
            }

            var json = new JsonObject { ["id"] = id, ["status"] = operation.Outcome };
            if (operation.Outcome != "Succeeded")
            {
                json["error"] = new JsonObject { ["code"] = "EmailDroppedAllRecipientsSuppressed", ["message"] = "Message was not delivered: all recipients are suppressed." };
            }

            return new Answer(200, json);
        }
    }
}
