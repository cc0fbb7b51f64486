using Dunning.Api.Hosting;
using Dunning.Channels.Hosting;
using Dunning.Endpoints.Actions;
using Dunning.Endpoints.Campaigns;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.CaseViews;
using Dunning.Endpoints.Channels;
using Dunning.Endpoints.Operations;
using Dunning.Endpoints.Payments;
using Dunning.Endpoints.Routing;
using Dunning.Endpoints.SupervisorConsole;

var builder = WebApplication.CreateBuilder(args);
builder.AddDunningConfiguration(args);
builder.AddDunningWebHost();
builder.AddDunningWorkflow();
builder.AddDunningApi();
builder.Services.AddDunningChannels(builder.Configuration);

var app = builder.Build();
app.UseDunningPipeline();
app.MapHealthApi();
app.MapCasesApi();
app.MapSupervisorActionsApi();
app.MapPaymentsApi();
app.MapCampaignsApi();
app.MapFieldWorkApi();
app.MapCaseMessagesApi();
app.MapAcsWebhook();
app.MapPrintQueueApi();
app.MapMetricsApi();
app.MapCaseViewsApi();
app.MapSupervisorConsole();
app.MapOpenApi(ApiRoutes.ServeOpenApi.Pattern).WithName(ApiRoutes.ServeOpenApi.Name);

app.Run();

/// <summary>The entry point, public so tests drive the real host through WebApplicationFactory.</summary>
public partial class Program;
