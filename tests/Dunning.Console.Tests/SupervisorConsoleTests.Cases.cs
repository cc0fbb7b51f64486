using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

public sealed partial class SupervisorConsoleTests
{
    [Fact]
    public async Task Supervisor_SignsIn_FiltersTheList_AndOpensACase()
    {
        var page = await SignInAsync(Keys.Supervisor);

        await Expect(page.Locator("#case-table tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator(".stage-summary .card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#session")).ToContainTextAsync("floor-supervisor");
        await page.ScreenshotAsync(new() { Path = Artifact("cases-list.png"), FullPage = true });

        await page.Locator("#case-filters select[name=bucket]").SelectOptionAsync("M2");
        await page.Locator("#case-filters select[name=debtorType]").SelectOptionAsync("UnwillingAble");
        await page.Locator("#case-filters input[name=minDaysPastDue]").FillAsync("40");
        await page.Locator("#case-filters button[type=submit]").ClickAsync();
        var rows = page.Locator("#case-table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(SeededCases.ClassifiedAccount);
        await Expect(rows.First).ToContainTextAsync("$3,650.00");
        await Expect(rows.First).ToContainTextAsync("Unwilling but able");

        await rows.First.Locator("a.case-link").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(SeededCases.ClassifiedAccount);
        await Expect(page.Locator("#debtor-type")).ToHaveTextAsync("Unwilling but able");
        await Expect(page.Locator("#claim")).ToContainTextAsync("principal");
        var classified = page.Locator("#timeline tr[data-type=DebtorClassified]");
        await Expect(classified).ToContainTextAsync("refuses to talk, has income");
        await Expect(classified).ToContainTextAsync("floor-supervisor");
        await page.ScreenshotAsync(new() { Path = Artifact("case-page.png"), FullPage = true });
    }

    [Fact]
    public async Task Filters_ByStatusAlone_UseTheContractsListEndpoint()
    {
        var page = await SignInAsync(Keys.Viewer);
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/api/cases?", StringComparison.Ordinal) && r.Url.Contains("status=HandedToLegal", StringComparison.Ordinal));

        await page.Locator("#case-filters select[name=status]").SelectOptionAsync("HandedToLegal");
        await page.Locator("#case-filters button[type=submit]").ClickAsync();

        await request;
        await Expect(page.Locator(".results .empty")).ToHaveTextAsync("No cases match these filters.");
        await Expect(page.Locator("#case-filters select[name=status]")).ToHaveValueAsync("HandedToLegal");
    }
}
