using GvcMatch.Benchmarks.Composition;
using GvcMatch.Benchmarks.Consolidation;
using GvcMatch.Benchmarks.Events;
using GvcMatch.Benchmarks.Documents;
using GvcMatch.Benchmarks.Generation;
using GvcMatch.Benchmarks.Http;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Benchmarks.Negotiation;
using GvcMatch.Benchmarks.OpenData;
using GvcMatch.Benchmarks.Realtime;
using GvcMatch.Benchmarks.Reindex;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Vectors;

var parsed = Args.Parse(args);
return parsed.Command switch
{
    "generate" => await GenerateCommand.RunAsync(parsed),
    "match" => await MatchBenchmark.RunAsync(parsed),
    "reindex" => await ReindexBenchmark.RunAsync(parsed),
    "http" => await HttpBenchmark.RunAsync(parsed),
    "compose" => await ComposeBenchmark.RunAsync(parsed),
    "echo" => await EchoCommand.RunAsync(parsed),
    "negotiate" => await NegotiateCommand.RunAsync(parsed),
    "vectors" => await VectorBenchmark.RunAsync(parsed),
    "hnsw" => await HnswBenchmark.RunAsync(parsed),
    "publish" => await PublishBenchmark.RunAsync(parsed),
    "embed" => await EmbedBenchmark.RunAsync(parsed),
    "schedule" => await ScheduleBenchmark.RunAsync(parsed),
    "ocds" => await OcdsBenchmark.RunAsync(parsed),
    "stamp" => await StampBenchmark.RunAsync(parsed),
    "notice" => await NoticeBenchmark.RunAsync(parsed),
    // Not in the usage text: the server half of `echo`, started by it in a child process.
    "echo-server" => await EchoServer.RunAsync(parsed),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/GvcMatch.Benchmarks -- COMMAND [options]
          generate --count N --out DIR [--target db|index] [--seed 42] [--vectors]
          match    --data DIR [--iterations 2000] [--warmup 300] [--semantic [--exact] [--graph-threads 2]]
          reindex  --data DIR
          vectors  --out DIR [--count 100000] [--embed 256] [--iterations 400] [--warmup 50]
          hnsw     --data DIR [--queries 200] [--connectivity 16] [--expansion-add 128] [--expansion-search 256] [--oversampling 1.5] [--threads 2]
          publish  --data DIR [--count 60] [--warmup 5] [--embed 256]
          embed    [--texts 256] [--rounds 3]
          http     --data DIR [--rate 50] [--seconds 30]
          compose  --data DIR [--iterations 200] [--warmup 20] [--requirements 8]
          ocds     --data DIR [--awards 100000]
          stamp    [--data DIR] [--iterations 100] [--warmup 10] [--pages 20] [--lines 2000] [--large-mb 50]
          notice   --data DIR [--affected 10000] [--open 2000] [--budget-seconds 600]   (DIR made by generate --target db)
          schedule [--participants 2000] [--meetings 10000] [--days 2] [--slots-per-day 16] [--tables 400] [--seed 1] [--budget-seconds 20]
          negotiate --data DIR [--postgres CONNECTION] [--connections 1000] [--rate 1] [--seconds 30] [--warmup 5]
          echo     [--connections 1000] [--payload-bytes 256] [--rate 1] [--seconds 30] [--warmup 5] [--skip-negotiation]
        See docs/benchmarks.md.
        """);
    return 2;
}
