using System.Text;
using Industry.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApplication.RunAsync(args, Environment.GetEnvironmentVariable);
