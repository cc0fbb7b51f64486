using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Http;

namespace Dunning.Endpoints.Routing;

/// <summary>Every HTTP endpoint Dunning serves, in one table both hosts bind (ARCHITECTURE section 2, HTTP-API.md). The
/// templates are constants because the Function App's trigger attributes need them at compile time.</summary>
public static class ApiRoutes
{
    public const string Cases = "api/cases";
    public const string Case = "api/cases/{caseId}";
    public const string CaseHistory = "api/cases/{caseId}/history";
    public const string CaseMessages = "api/cases/{caseId}/messages";
    public const string CaseDetails = "api/cases/{caseId}/details";
    public const string CaseWork = "api/cases/{caseId}/work";
    public const string CaseDocument = "api/cases/{caseId}/documents/{name}";
    public const string CaseSearch = "api/case-search";
    public const string Pause = "api/cases/{caseId}/pause";
    public const string Resume = "api/cases/{caseId}/resume";
    public const string Escalate = "api/cases/{caseId}/escalate";
    public const string Promise = "api/cases/{caseId}/promise";
    public const string Plan = "api/cases/{caseId}/plan";
    public const string Classify = "api/cases/{caseId}/classify";
    public const string Close = "api/cases/{caseId}/close";
    public const string Dispute = "api/cases/{caseId}/dispute";
    public const string OptOut = "api/cases/{caseId}/opt-out";
    public const string PaymentWebhook = "api/webhooks/payments";
    public const string UnmatchedPayments = "api/payments/unmatched";
    public const string Campaigns = "api/campaigns";
    public const string Campaign = "api/campaigns/{campaignId}";
    public const string Visits = "api/visits";
    public const string Visit = "api/visits/{visitId}";
    public const string VisitAssign = "api/visits/{visitId}/assign";
    public const string VisitOutcome = "api/visits/{visitId}/outcome";
    public const string Calls = "api/calls";
    public const string Call = "api/calls/{callId}";
    public const string CallAssign = "api/calls/{callId}/assign";
    public const string CallOutcome = "api/calls/{callId}/outcome";
    public const string PrintQueue = "api/print-queue";
    public const string AcsWebhook = "api/webhooks/acs";
    public const string Me = "api/me";
    public const string Metrics = "api/metrics";
    public const string MetricsBreakdown = "api/metrics/breakdown";
    public const string Health = "healthz";
    public const string Ready = "readyz";
    public const string Console = "console";
    public const string ConsoleConfig = "console/config.json";
    public const string ConsoleFile = "console/{*path}";
    public const string OpenApi = "openapi/v1.json";

    private const string Get = "GET";
    private const string Post = "POST";
    private const string Options = "OPTIONS";
    private const long NoBody = 0;

    // Cases
    public static ApiRoute OpenCase { get; } = new(nameof(OpenCase), Post, Cases, Roles.Operator, BodyLimits.Json, "Cases");
    public static ApiRoute ListCases { get; } = new(nameof(ListCases), Get, Cases, Roles.Viewer, NoBody, "Cases");
    public static ApiRoute GetCase { get; } = new(nameof(GetCase), Get, Case, Roles.Viewer, NoBody, "Cases");
    public static ApiRoute GetCaseHistory { get; } = new(nameof(GetCaseHistory), Get, CaseHistory, Roles.Viewer, NoBody, "Cases");
    public static ApiRoute ListCaseMessages { get; } = new(nameof(ListCaseMessages), Get, CaseMessages, Roles.Viewer, NoBody, "Cases");

    // Supervisor actions
    public static ApiRoute PauseCase { get; } = Action(nameof(PauseCase), Pause);
    public static ApiRoute ResumeCase { get; } = Action(nameof(ResumeCase), Resume);
    public static ApiRoute EscalateCase { get; } = Action(nameof(EscalateCase), Escalate);
    public static ApiRoute PromiseCase { get; } = Action(nameof(PromiseCase), Promise);
    public static ApiRoute PlanCase { get; } = Action(nameof(PlanCase), Plan);
    public static ApiRoute ClassifyCase { get; } = Action(nameof(ClassifyCase), Classify);
    public static ApiRoute CloseCase { get; } = Action(nameof(CloseCase), Close);
    public static ApiRoute DisputeCase { get; } = Action(nameof(DisputeCase), Dispute);
    public static ApiRoute OptOutCase { get; } = Action(nameof(OptOutCase), OptOut);

    // Payments (the webhook is signed, not keyed)
    public static ApiRoute ReceivePayment { get; } = new(nameof(ReceivePayment), Post, PaymentWebhook, null, BodyLimits.Json, "Payments");
    public static ApiRoute ListUnmatchedPayments { get; } = new(nameof(ListUnmatchedPayments), Get, UnmatchedPayments, Roles.Viewer, NoBody, "Payments");

    // Campaigns
    public static ApiRoute ImportCampaign { get; } = new(nameof(ImportCampaign), Post, Campaigns, Roles.Operator, BodyLimits.Campaign, "Campaigns");
    public static ApiRoute GetCampaign { get; } = new(nameof(GetCampaign), Get, Campaign, Roles.Viewer, NoBody, "Campaigns");

    // Field work
    public static ApiRoute ListVisits { get; } = new(nameof(ListVisits), Get, Visits, Roles.Viewer, NoBody, "Field work");
    public static ApiRoute GetVisit { get; } = new(nameof(GetVisit), Get, Visit, Roles.Viewer, NoBody, "Field work");
    public static ApiRoute AssignVisit { get; } = new(nameof(AssignVisit), Post, VisitAssign, Roles.Supervisor, BodyLimits.Json, "Field work");
    public static ApiRoute ReportVisitOutcome { get; } = new(nameof(ReportVisitOutcome), Post, VisitOutcome, Roles.Supervisor, BodyLimits.Json, "Field work");
    public static ApiRoute ListCalls { get; } = new(nameof(ListCalls), Get, Calls, Roles.Viewer, NoBody, "Field work");
    public static ApiRoute GetCall { get; } = new(nameof(GetCall), Get, Call, Roles.Viewer, NoBody, "Field work");
    public static ApiRoute AssignCall { get; } = new(nameof(AssignCall), Post, CallAssign, Roles.Supervisor, BodyLimits.Json, "Field work");
    public static ApiRoute ReportCallOutcome { get; } = new(nameof(ReportCallOutcome), Post, CallOutcome, Roles.Supervisor, BodyLimits.Json, "Field work");
    public static ApiRoute ListPrintQueue { get; } = new(nameof(ListPrintQueue), Get, PrintQueue, Roles.Viewer, NoBody, "Field work");

    // Communication Services through Event Grid (the secret is in the URL; the CloudEvents handshake is an OPTIONS)
    public static ApiRoute AcsEventGridWebhook { get; } = new(nameof(AcsEventGridWebhook), Post, AcsWebhook, null, BodyLimits.EventGridBatch, "Webhooks");
    public static ApiRoute AcsEventGridHandshake { get; } = new(nameof(AcsEventGridHandshake), Options, AcsWebhook, null, NoBody, "Webhooks");

    // Operations
    public static ApiRoute CheckHealth { get; } = new(nameof(CheckHealth), Get, Health, null, NoBody, "Operations");
    public static ApiRoute CheckReady { get; } = new(nameof(CheckReady), Get, Ready, null, NoBody, "Operations");
    public static ApiRoute GetMetrics { get; } = new(nameof(GetMetrics), Get, Metrics, Roles.Viewer, NoBody, "Operations");

    // Read-only views for the supervisor console
    public static ApiRoute WhoAmI { get; } = View(nameof(WhoAmI), Me);
    public static ApiRoute GetCaseDetails { get; } = View(nameof(GetCaseDetails), CaseDetails);
    public static ApiRoute ListCaseWork { get; } = View(nameof(ListCaseWork), CaseWork);
    public static ApiRoute GetCaseDocument { get; } = View(nameof(GetCaseDocument), CaseDocument);
    public static ApiRoute SearchCases { get; } = View(nameof(SearchCases), CaseSearch);
    public static ApiRoute GetMetricsBreakdown { get; } = View(nameof(GetMetricsBreakdown), MetricsBreakdown);

    // The supervisor console's files (public: they hold no data) and the OpenAPI document
    public static ApiRoute ServeConsole { get; } = new(nameof(ServeConsole), Get, Console, null, NoBody, "Console");
    public static ApiRoute ServeConsoleConfig { get; } = new(nameof(ServeConsoleConfig), Get, ConsoleConfig, null, NoBody, "Console");
    public static ApiRoute ServeConsoleFile { get; } = new(nameof(ServeConsoleFile), Get, ConsoleFile, null, NoBody, "Console");
    public static ApiRoute ServeOpenApi { get; } = new(nameof(ServeOpenApi), Get, OpenApi, null, NoBody, "OpenAPI");

    /// <summary>Every route, in the order above.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = typeof(ApiRoutes).GetProperties()
        .Where(p => p.PropertyType == typeof(ApiRoute))
        .Select(p => (ApiRoute)p.GetValue(null)!)
        .ToList();

    private static ApiRoute Action(string name, string template) => new(name, Post, template, Roles.Supervisor, BodyLimits.Json, "Supervisor actions");

    private static ApiRoute View(string name, string template) => new(name, Get, template, Roles.Viewer, NoBody, "Case views");
}
