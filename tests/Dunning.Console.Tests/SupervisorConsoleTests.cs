using Dunning.Workflow.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

/// <summary>The supervisor console in Debian's Chromium against the real host on Azurite: one browser and one host for
/// the class, a fresh browser context (its own session) per test, and a case of its own for each test that acts.
/// Every check waits for what the page shows, with a deadline (Playwright's auto-waiting assertions).</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SupervisorConsoleTests(AzuriteFixture azurite, ConsoleFixture fixture) : IClassFixture<ConsoleFixture>, IAsyncLifetime
{
    private ConsoleFixture _console = null!;

    private SeededCases Cases => _console.Cases;

    public async Task InitializeAsync() => _console = await fixture.StartAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Opens the console in a new context and signs in with <paramref name="key"/>.</summary>
    private async Task<IPage> SignInAsync(string key, string locale = "en-US")
    {
        var page = await _console.NewPageAsync(locale);
        await page.GotoAsync("/console");
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.Locator("#nav a").First).ToBeVisibleAsync();
        return page;
    }

    private static async Task OpenCaseAsync(IPage page, string caseId, string account)
    {
        await page.GotoAsync($"/console#/cases/{caseId}");
        await Expect(page.Locator("h1")).ToContainTextAsync(account);
    }

    /// <summary>Clicks an action, fills its form and applies it.</summary>
    private static async Task<ILocator> ActAsync(IPage page, string action, Func<ILocator, Task> fill)
    {
        await page.Locator($"[data-action={action}]").ClickAsync();
        var dialog = page.Locator($"dialog:has(form[data-form={action}])");
        await Expect(dialog).ToBeVisibleAsync();
        await fill(dialog);
        await dialog.Locator("button[type=submit]").ClickAsync();
        return dialog;
    }

    private static string Artifact(string name) => Path.Combine(ConsoleFixture.ArtifactDirectory, name);
}
