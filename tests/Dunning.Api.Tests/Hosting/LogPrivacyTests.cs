using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Api.Tests;

/// <summary>Keeps every log line (with its arguments formatted) the host writes, at every level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue($"{category}[{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}

/// <summary>A host that logs everything, down to Trace, into <see cref="Logs"/>.</summary>
public sealed class LogCapturingHost : ApiHost
{
    public CapturedLogs Logs { get; } = new();

    protected override IEnumerable<(string Key, string Value)> Settings => [("Logging:LogLevel:Default", "Trace")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

/// <summary>Logs never hold a debtor's phone number, e-mail address or name in clear, whatever the request did.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogPrivacyTests(AzuriteFixture azurite, LogCapturingHost host) : IClassFixture<LogCapturingHost>
{
    private readonly LogCapturingHost _host = (LogCapturingHost)host.Use(azurite);

    [Fact]
    public async Task GivenCasesOpenedImportedAndRejected_WhenTheLogsAreRead_ThenNoContactDetailOrNameAppears()
    {
        var request = CaseRequests.Valid(phone: "+8613912345678", email: "zhang.san@example.org");
        request["debtor"]!["name"] = "Zhang Sanfeng";
        var invalid = CaseRequests.Valid(phone: "+8613912345678", email: "zhang.san@example.org", timeZone: "Nowhere/Zhang");
        invalid["debtor"]!["name"] = "Zhang Sanfeng";

        using var opened = await _host.Operator.PostJsonAsync("/api/cases", request);
        using var rejected = await _host.Operator.PostJsonAsync("/api/cases", invalid);
        using var imported = await _host.Operator.PostRawAsync("/api/campaigns",
            $"{CaseRequests.CsvHeader}\nA-{Guid.NewGuid():N},I-1,Zhang Sanfeng,+8613912345678,zhang.san@example.org,Asia/Shanghai,zh-CN,100,CNY,2026-11-20,default\n" +
            "A-2,I-2,Zhang Sanfeng,+8613912345678,zhang.san@example.org,Bad/Zone,zh-CN,100,CNY,2026-11-20,default\n", "text/csv");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, imported.StatusCode);
        await _host.Viewer.WaitForAsync(imported.Headers.Location!.ToString(), p => p.GetProperty("done").GetBoolean());

        var logs = _host.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("[3001]", StringComparison.Ordinal));
        foreach (var secret in new[] { "13912345678", "zhang.san", "example.org", "Zhang", "Sanfeng" })
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
