using Parity.Hosting;

DistributedApplication.CreateBuilder(args).Build().Run();
