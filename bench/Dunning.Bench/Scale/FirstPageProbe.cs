using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Bench;

/// <summary>The service's HTTP side as the scale phase uses it: opening a case (POST /api/cases, which starts its
/// workflow and waits briefly for the first commit) and timing the first page of active cases (GET
/// /api/cases?status=Active, default page size); and, in-process, the two parts of that page: the case-index query alone
/// and one point read of a case.</summary>
public static class FirstPageProbe
{
    public const int PageSize = 50;

    public static async Task<(double Ms, int Items)> OverHttpAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "api/cases?status=Active"));
        request.Headers.Add("X-Api-Key", ServiceProcess.ApiKey);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/cases?status=Active answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        return (ms, json.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>Opens a case over HTTP; true when the service answered with the case opened (201), false when it accepted
    /// it with the workflow still on its way (202).</summary>
    public static async Task<bool> OpenOverHttpAsync(HttpClient http, Uri baseAddress, OpenCase open, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "api/cases"))
        {
            Content = JsonContent.Create(new
            {
                accountId = open.AccountId,
                invoiceId = open.InvoiceId,
                debtor = new
                {
                    name = open.Debtor.Name,
                    phone = open.Debtor.Phone,
                    email = open.Debtor.Email,
                    timeZone = open.Debtor.TimeZone,
                    locale = open.Debtor.Locale,
                    address = open.Debtor.Address,
                },
                amountDue = new { amount = open.AmountDue.Amount, currency = open.AmountDue.Currency },
                dueDate = open.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                policy = open.PolicyId,
            }),
        };
        request.Headers.Add("X-Api-Key", ServiceProcess.OperatorKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.Accepted => false,
            _ => throw new InvalidOperationException(
                $"POST /api/cases answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}"),
        };
    }

    /// <summary>The index query alone, and for comparison one point read of a case's state (median of three, in
    /// milliseconds).</summary>
    public static async Task<(double IndexMs, double StateMs)> PartsAsync(ReadModelStore readModels, CaseStore store, CancellationToken cancellationToken = default)
    {
        var index = new List<double>();
        var state = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await readModels.ListAsync(CaseStatus.Active, null, null, null, PageSize, null, cancellationToken).ConfigureAwait(false);
            index.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await store.GetAsync(page.Items[i % page.Items.Count].CaseId, cancellationToken).ConfigureAwait(false);
            state.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Math.Round(index.Order().ElementAt(1), 1), Math.Round(state.Order().ElementAt(1), 1));
    }
}
