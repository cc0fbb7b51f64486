using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

public sealed partial class SupervisorConsoleTests
{
    [Fact]
    public async Task Supervisor_PausesWithAReason_SeesItPaused_ThenResumes()
    {
        var page = await SignInAsync(Keys.Supervisor);
        await OpenCaseAsync(page, Cases.Pause, SeededCases.PauseAccount);

        await ActAsync(page, "pause", dialog => dialog.Locator("textarea[name=reason]").FillAsync("debtor in hospital"));

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Paused");
        await Expect(page.Locator("#action-status")).ToHaveTextAsync("Pause: applied.");
        var paused = page.Locator("#timeline tr[data-type=CasePaused]");
        await Expect(paused).ToContainTextAsync("debtor in hospital");
        await Expect(paused).ToContainTextAsync("floor-supervisor");
        await Expect(page.Locator("[data-action=pause]")).ToHaveCountAsync(0);

        await ActAsync(page, "resume", dialog => dialog.Locator("textarea[name=reason]").FillAsync("discharged"));

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#timeline tr[data-type=CaseResumed]")).ToContainTextAsync("discharged");
    }

    [Fact]
    public async Task Supervisor_RecordsAPromise_AndTheTimelineChanges()
    {
        var page = await SignInAsync(Keys.Supervisor);
        await OpenCaseAsync(page, Cases.Promise, SeededCases.PromiseAccount);
        await Expect(page.Locator("#timeline tr[data-type=PromiseRecorded]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#promise")).ToHaveTextAsync("None in force");

        await ActAsync(page, "promise", async dialog =>
        {
            await dialog.Locator("input[name=amount]").FillAsync("3000");
            await dialog.Locator("input[name=date]").FillAsync("2026-11-25");
            await dialog.Locator("textarea[name=reason]").FillAsync("promised on the phone");
        });

        var promise = page.Locator("#timeline tr[data-type=PromiseRecorded]");
        await Expect(promise).ToContainTextAsync("¥3,000.00");
        await Expect(promise).ToContainTextAsync("promised on the phone");
        await Expect(page.Locator("#promise")).ToContainTextAsync("¥3,000.00 by Nov 25, 2026");
    }

    [Fact]
    public async Task AnInvalidAction_ShowsTheFieldsErrorFromTheProblemDetails()
    {
        var page = await SignInAsync(Keys.Supervisor);
        await OpenCaseAsync(page, Cases.Invalid, SeededCases.InvalidAccount);

        var dialog = await ActAsync(page, "promise", dialog => dialog.Locator("input[name=date]").FillAsync("2026-11-30"));

        var amount = dialog.Locator("input[name=amount]");
        await Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(amount).ToBeFocusedAsync();
        var error = dialog.Locator("#" + await amount.GetAttributeAsync("aria-describedby"));
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Give the amount as a number in CNY");
        await Expect(dialog.Locator("textarea[name=reason]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.Locator(".form-errors")).ToContainTextAsync("Fix the fields");
        await Expect(dialog.Locator("input[name=date]")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync(new() { Path = Artifact("action-errors.png") });
    }
}
