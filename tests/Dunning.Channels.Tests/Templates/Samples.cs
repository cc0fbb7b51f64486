using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using System.Net;
using System.Text.RegularExpressions;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Debtors, facts and effects the channel tests share: a Shanghai debtor owing CNY, a New York one owing USD.</summary>
public static class Samples
{
    public static readonly DateOnly Due = new(2026, 11, 20);

    public static CreditorOptions Creditor { get; } = new()
    {
        Name = "Acme Finance Ltd.",
        Address = "100 Harbour Road, Springfield",
        Phone = "+1 555 0100",
        Email = "collections@acme.example",
        PaymentInstructions = "pay at pay.acme.example",
        LegalEntity = "Acme Finance Limited",
        Locales =
        {
            ["zh-CN"] = new CreditorDetails { Name = "爱克米金融", Address = "上海市浦东新区世纪大道100号", PaymentInstructions = "登录pay.acme.example还款" },
        },
    };

    public static MessageRenderer Renderer { get; } = new(TemplateCatalog.Embedded, Creditor, new ChannelOptions());

    public static MessageFacts ChineseFacts(string caseId = "c00000000000000000000000a", string stage = "first-overdue") =>
        new(caseId, "ACC-88001", "INV-2026-0042", "李伟", "zh-CN", "Asia/Shanghai", new Money(12345.67m, "CNY"), Due, stage);

    public static MessageFacts AmericanFacts(string caseId = "c00000000000000000000000b", string stage = "first-overdue") =>
        new(caseId, "ACC-77001", "INV-2026-0077", "Jane <Doe>", "en-US", "America/New_York", new Money(1234.5m, "USD"), Due, stage);

    public static MessageFacts FactsFor(string locale) => locale == "zh-CN" ? ChineseFacts() : AmericanFacts();

    public static ClaimBreakdown Claim(string currency) =>
        new(new DateOnly(2026, 12, 4), new Money(12000m, currency), new Money(78.5m, currency), new Money(50m, currency));

    public static SendNotice Notice(MessageFacts facts, StepAction kind = StepAction.DemandNotice, string? email = "debtor@example.com",
        string? address = "88 Century Ave, Pudong, Shanghai") =>
        new("k9", kind == StepAction.DemandNotice ? "demand-notice" : "lawyer-letter", kind, new DateOnly(2026, 12, 11),
            Claim(facts.Outstanding.Currency), email, address, facts);

    public static ReportToSupervisor Report(MessageFacts facts) => new("supervisor-report", Claim(facts.Outstanding.Currency), facts);

    public static readonly string[] Locales = ["en-US", "zh-CN"];

    /// <summary>What a reader of an HTML document sees: no style sheet ("font-family" is no threat), no tags.</summary>
    public static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<style>.*?</style>", " ", RegexOptions.Singleline), "<[^>]+>", " "));

    /// <summary>Threats no message may make: the policy can do none of these next.</summary>
    public static readonly string[] ForbiddenWords =
    [
        "arrest", "criminal", "police", "jail", "prison", "crime", "employer", "family", "relatives", "neighbo", "colleague",
        "garnish", "seize", "imprison", "逮捕", "拘留", "刑事", "坐牢", "监狱", "公安", "报警", "犯罪", "工作单位", "家人", "亲属",
        "家属", "同事", "邻居", "曝光", "通讯录",
    ];
}
