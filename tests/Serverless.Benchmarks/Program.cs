using Serverless.Benchmarks;

return args.FirstOrDefault() switch
{
    "coldstart" => await ColdStartBenchmark.RunAsync(args.Skip(1).ToArray()),
    "generator" => GeneratorBenchmark.Run(args.Skip(1).ToArray()),
    "analyzers" => await AnalyzerBenchmark.RunAsync(args.Skip(1).ToArray()),
    "http" => HttpBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/Serverless.Benchmarks -- <benchmark> [options]
          coldstart [--runs N]        process start to first response of samples/HelloLambda against the Runtime
                                      API test host: Native AOT against JIT (self-contained), N runs each (20)
                                      (run ./sample.sh first: the sample builds against the packed package)
          generator [--functions N] [--runs N]
                                      the source generator on N functions (400): cold, and after an unrelated edit,
                                      against the compiler's own binding of the same code
          analyzers [--handlers N] [--runs N]
                                      every Serverless analyzer on N handler methods (2,000), from analyzer
                                      telemetry as -p:ReportAnalyzer=true reports it, against the compilation
          http [--batches N] [--ops N]
                                      per invocation (2.0 event in, response out) of the generated HTTP wrappers of
                                      tests/Serverless.Benchmarks.App against hand-written ones with the same JSON
                                      context: time and allocations, ratios with and without the user method;
                                      N interleaved batches (30) of N invocations (2,000)
        """);
    return 2;
}
