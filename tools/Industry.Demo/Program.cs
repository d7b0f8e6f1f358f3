using Grpc.Net.Client;
using Industry.Demo;
using Industry.Demo.Loading;
using Spectre.Console;

// Loads the demo data set into a running suite through its gateway. docs/demo.md walks through it.
if (DemoArguments.Parse(args) is not { } arguments)
{
    Console.Error.WriteLine(DemoArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(DemoArguments.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using GrpcChannel channel = DemoChannel.Create(arguments.Gateway, arguments.Token);
Console.WriteLine($"Loading the demo data set ({arguments.Scale.Name} scale) through {arguments.Gateway} with at most {arguments.Concurrency} calls in flight to each service…");
try
{
    DemoLoadResult result;
    if (Console.IsOutputRedirected || Console.IsErrorRedirected)
    {
        result = await DemoLoader.LoadAsync(channel, arguments.Scale, new ConsoleProgress(), cancel.Token, arguments.Concurrency);
    }
    else
    {
        BarProgress? bars = null;
        result = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => DemoLoader.LoadAsync(channel, arguments.Scale, bars = new BarProgress(context), cancel.Token, arguments.Concurrency));
        if (bars?.Last is { } last)
        {
            new ConsoleProgress().Report(last);
        }
    }

    if (result.AlreadyLoaded)
    {
        Console.WriteLine("The demo data set is loaded already (clusters/china-speech-valley exists); nothing to do.");
    }
    else
    {
        Console.WriteLine($"Loaded {result.Calls:N0} calls in {result.Elapsed.TotalSeconds:F1} s ({result.Calls / result.Elapsed.TotalSeconds:N0} calls/s).");
    }

    await DemoSummary.PrintAsync(channel, cancel.Token);
    return 0;
}
catch (DemoLoadException e)
{
    Console.Error.WriteLine($"The load failed: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
