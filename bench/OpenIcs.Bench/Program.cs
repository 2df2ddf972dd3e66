using BenchmarkDotNet.Running;
using OpenIcs.Bench.Record;

if (args.Length > 0 && args[0] == "record")
    return await RecordBench.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
