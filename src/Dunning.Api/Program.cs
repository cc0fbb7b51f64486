using Dunning.Api.Actions;
using Dunning.Api.Channels;
using Dunning.Api.Campaigns;
using Dunning.Api.Cases;
using Dunning.Api.CaseViews;
using Dunning.Api.Hosting;
using Dunning.Api.Operations;
using Dunning.Api.Payments;
using Dunning.Api.SupervisorConsole;
using Dunning.Channels.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDunningConfiguration(args);
builder.AddDunningWebHost();
builder.AddDunningWorkflow();
builder.AddDunningApi();
builder.Services.AddDunningChannels(builder.Configuration);
builder.AddCaseViews();
builder.AddSupervisorConsole();

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
app.MapOpenApi();

app.Run();

/// <summary>The entry point, public so tests drive the real host through WebApplicationFactory.</summary>
public partial class Program;
