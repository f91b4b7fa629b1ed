using GvcMatch.Benchmarks.Composition;
using GvcMatch.Benchmarks.Generation;
using GvcMatch.Benchmarks.Http;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Benchmarks.Reindex;
using GvcMatch.Benchmarks.Infrastructure;

var parsed = Args.Parse(args);
return parsed.Command switch
{
    "generate" => await GenerateCommand.RunAsync(parsed),
    "match" => await MatchBenchmark.RunAsync(parsed),
    "reindex" => await ReindexBenchmark.RunAsync(parsed),
    "http" => await HttpBenchmark.RunAsync(parsed),
    "compose" => await ComposeBenchmark.RunAsync(parsed),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/GvcMatch.Benchmarks -- COMMAND [options]
          generate --count N --out DIR [--target db|index] [--seed 42]
          match    --data DIR [--iterations 2000] [--warmup 300]
          reindex  --data DIR
          http     --data DIR [--rate 50] [--seconds 30]
          compose  --data DIR [--iterations 200] [--warmup 20] [--requirements 8]
        See docs/benchmarks.md.
        """);
    return 2;
}
