using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

public sealed partial class SupervisorConsoleTests
{
    [Fact]
    public async Task Viewer_SeesEverything_ButNoActionButtons()
    {
        var page = await SignInAsync(Keys.Viewer);
        await OpenCaseAsync(page, Cases.Visit, SeededCases.VisitAccount);

        await Expect(page.Locator("#timeline tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#case-status")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-action]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#actions-title")).ToHaveCountAsync(0);

        await page.Locator("#nav a[href='#/work']").ClickAsync();
        await Expect(page.Locator("#queue-calls tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-outcome], [data-assign]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EveryPage_PassesTheAxeAccessibilityCheck()
    {
        var page = await _console.NewPageAsync();
        await page.GotoAsync("/console");
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "sign-in");

        page = await SignInAsync(Keys.Supervisor);
        await Expect(page.Locator("#case-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator(".stage-summary .card").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "case list");

        await OpenCaseAsync(page, Cases.Classified, SeededCases.ClassifiedAccount);
        await AssertAccessibleAsync(page, "case page");
        await page.Locator("[data-action=plan]").ClickAsync();
        await Expect(page.Locator("dialog")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "plan form");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog")).ToHaveCountAsync(0);

        await page.Locator("#nav a[href='#/work']").ClickAsync();
        await Expect(page.Locator("#queue-calls tbody tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "work queues");

        await page.Locator("#nav a[href='#/metrics']").ClickAsync();
        await Expect(page.Locator("#chart-stage rect").First).ToBeVisibleAsync();
        await Expect(page.Locator("#chart-recovery")).ToContainTextAsync("CNY");
        await AssertAccessibleAsync(page, "metrics");
        await page.ScreenshotAsync(new() { Path = Artifact("metrics.png"), FullPage = true });
    }

    [Fact]
    public async Task TheLanguage_FollowsTheBrowser_AndCanBeSwitched()
    {
        var page = await _console.NewPageAsync(locale: "zh-CN", timezone: "Asia/Shanghai");
        await page.GotoAsync("/console");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.Locator("#api-key").FillAsync(Keys.Supervisor);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#nav a[href='#/cases']")).ToHaveTextAsync("案件");
        await Expect(page.Locator(".stage-summary h2")).ToHaveTextAsync("各阶段的在催案件");
        await page.ScreenshotAsync(new() { Path = Artifact("cases-list-zh.png"), FullPage = true });

        await page.Locator("#language").SelectOptionAsync("en-US");
        await Expect(page.Locator("#nav a[href='#/cases']")).ToHaveTextAsync("Cases");
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cases");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{what}: {violations.Count} accessibility violations:\n{string.Join("\n", violations)}");
    }
}
