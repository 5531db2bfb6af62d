using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace Liaison.Benchmarks;

/// <summary>
/// Runs every job in this process (a mutator, so <c>--job short</c> and friends still choose the iteration counts):
/// no child project is generated and built, so a private <c>--artifacts-path</c> and others editing <c>src/</c> at
/// the same time cannot change what is measured.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BenchConfigAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithToolchain(InProcessNoEmitToolchain.Instance).AsMutator());
}
