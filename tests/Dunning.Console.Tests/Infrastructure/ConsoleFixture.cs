using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Workflow.Tests;
using Microsoft.Playwright;

namespace Dunning.Console.Tests;

/// <summary>One Chromium and one host for a test class, with the cases the tests work on opened through the API.
/// Started on first use, because xunit hands the collection's Azurite to the test class, not to its fixtures.</summary>
public sealed class ConsoleFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public ConsoleHost Host { get; private set; } = null!;

    public SeededCases Cases { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/console under the test project's output.</summary>
    public static string ArtifactDirectory { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "console")).FullName;

    public async Task<ConsoleFixture> StartAsync(AzuriteFixture azurite)
    {
        await _gate.WaitAsync();
        try
        {
            if (_playwright is null)
            {
                var chromium = Chromium.EnsureInstalledAsync();
                Host = ConsoleHost.Launch(azurite);
                var seeding = SeededCases.OpenAsync(Host);
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                _playwright = await Playwright.CreateAsync();
                Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = await chromium, Args = Chromium.Args, Headless = true });
                Cases = await seeding;
            }
        }
        finally
        {
            _gate.Release();
        }

        return this;
    }

    /// <summary>A fresh browser context (its own sessionStorage) in the supervisor's zone and language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", string timezone = "Europe/London")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Host.Address.ToString(),
            Locale = locale,
            TimezoneId = timezone,
            ViewportSize = new() { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
            await Host.DisposeAsync();
        }
    }
}

/// <summary>The cases every test of the class may use; each test acts on a case of its own.</summary>
public sealed record SeededCases(string Pause, string Promise, string Visit, string VisitId, string Classified, string Invalid, string Notice, string Plan)
{
    public const string PauseAccount = "A-PAUSE";
    public const string PromiseAccount = "A-PROMISE";
    public const string VisitAccount = "A-VISIT";
    public const string ClassifiedAccount = "U-CLASSIFIED";
    public const string InvalidAccount = "A-INVALID";
    public const string NoticeAccount = "A-NOTICE";
    public const string PlanAccount = "A-PLAN";

    public static async Task<SeededCases> OpenAsync(ConsoleHost host)
    {
        using var operatorClient = host.Client(Keys.Operator);
        using var supervisor = host.Client(Keys.Supervisor);
        var pause = OpenAsync(operatorClient, PauseAccount, "Li Wei", 12000m, "CNY", "2026-11-20", "Asia/Shanghai");
        var promise = OpenAsync(operatorClient, PromiseAccount, "Wang Fang", 8650.50m, "CNY", "2026-11-10", "Asia/Shanghai");
        var visit = OpenAsync(operatorClient, VisitAccount, "Zhang Min", 23400m, "CNY", "2026-11-10", "Asia/Shanghai");
        var classified = OpenAsync(operatorClient, ClassifiedAccount, "Daniel Garcia", 3650m, "USD", "2026-10-01", "America/New_York");
        var invalid = OpenAsync(operatorClient, InvalidAccount, "Liu Yang", 4980m, "CNY", "2026-11-12", "Asia/Shanghai");
        var notice = OpenAsync(operatorClient, NoticeAccount, "Chen Jie", 15600m, "CNY", "2026-11-08", "Asia/Shanghai");
        var plan = OpenAsync(operatorClient, PlanAccount, "Zhao Lei", 6000m, "CNY", "2026-11-12", "Asia/Shanghai");
        await Task.WhenAll(pause, promise, visit, classified, invalid, notice, plan);

        // A field visit now (Monday 10:00 in Shanghai, inside visit hours), once the case has taken its first-overdue step
        // (a call task, for the call queue), and a classified debtor to filter on.
        await supervisor.WaitForAsync($"/api/cases/{await visit}", c => c.GetProperty("stage").GetString() == "first-overdue");
        await supervisor.PostAsync($"/api/cases/{await visit}/escalate", new { reason = "large balance, no answer", toStep = "field-visit" }, HttpStatusCode.Accepted);
        await supervisor.PostAsync($"/api/cases/{await classified}/classify", new { reason = "refuses to talk, has income", willingness = "Unwilling", ability = "Able" }, HttpStatusCode.Accepted);
        var visits = await supervisor.WaitForAsync("/api/visits?status=Scheduled", v => v.EnumerateArray().Any(i => i.GetProperty("caseId").GetString() == visit.Result));
        await supervisor.WaitForAsync($"/api/cases/{await classified}", c => c.GetProperty("debtorType").ValueKind == JsonValueKind.String);
        var visitId = visits.EnumerateArray().First(i => i.GetProperty("caseId").GetString() == visit.Result).GetProperty("id").GetString()!;
        return new SeededCases(await pause, await promise, await visit, visitId, await classified, await invalid, await notice, await plan);
    }

    private static async Task<string> OpenAsync(HttpClient client, string account, string name, decimal amount, string currency, string dueDate, string zone)
    {
        var body = new
        {
            accountId = account,
            invoiceId = "INV-2026-0042",
            debtor = new { name, phone = "+8613800138000", email = "debtor@example.com", timeZone = zone, locale = currency == "CNY" ? "zh-CN" : "en-US", address = "88 Century Ave, Pudong, Shanghai" },
            amountDue = new { amount, currency },
            dueDate,
            policy = "default",
        };
        using var response = await client.PostAsJsonAsync("/api/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"open {account}: {(int)response.StatusCode} {text}");
        var caseId = JsonDocument.Parse(text).RootElement.GetProperty("caseId").GetString()!;
        await client.WaitForAsync($"/api/cases/{caseId}", c => c.GetProperty("version").GetInt32() > 0);
        return caseId;
    }
}
