using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

public sealed partial class SupervisorConsoleTests
{
    [Fact]
    public async Task Supervisor_EntersAVisitOutcome_FromTheWorkQueue()
    {
        var page = await SignInAsync(Keys.Supervisor);
        await page.Locator("#nav a[href='#/work']").ClickAsync();
        var row = page.Locator($"#queue-visits tr[data-work='{Cases.VisitId}']");
        await Expect(row).ToContainTextAsync("Zhang Min");
        await Expect(page.Locator($"#queue-calls tr[data-work^='{Cases.Visit}']")).ToHaveCountAsync(1);

        await row.Locator("[data-outcome]").ClickAsync();
        var dialog = page.Locator("dialog:has(form[data-form=outcome-visit])");
        await dialog.Locator("select[name=outcome]").SelectOptionAsync("Met");
        await dialog.Locator("textarea[name=notes]").FillAsync("met at home, will call back");
        await dialog.Locator("button[type=submit]").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);

        var call = page.Locator($"#queue-calls tr[data-work^='{Cases.Visit}']");
        await call.Locator("[data-outcome]").ClickAsync();
        var callDialog = page.Locator("dialog:has(form[data-form=outcome-call])");
        await callDialog.Locator("input[name=connected]").CheckAsync();
        await callDialog.Locator("textarea[name=notes]").FillAsync("spoke to the debtor");
        await callDialog.Locator("button[type=submit]").ClickAsync();
        await Expect(call).ToHaveCountAsync(0);

        await OpenCaseAsync(page, Cases.Visit, SeededCases.VisitAccount);
        await Expect(page.Locator("#timeline tr[data-type=VisitReported]")).ToContainTextAsync("Met the debtor");
        await Expect(page.Locator("#case-work")).ToContainTextAsync("Completed");
        await Expect(page.Locator("#case-work")).ToContainTextAsync("met at home, will call back");
        await Expect(page.Locator("#case-work")).ToContainTextAsync("Connected");
    }
}
