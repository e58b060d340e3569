using Parity.Dashboard;

var app = DashboardApplication.Build(args);
foreach (var line in DashboardApplication.StartupBanner(app))
{
    Console.WriteLine(line);
}

app.Run();
