using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Liaison.Cli.Tests.EndToEnd;

/// <summary>The real <c>liaison</c> executable run as a separate process, as an operator would run it.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>liaison ARGS</c> from the build output next to the tests.</summary>
    public static NodeProcess Start(string workingDirectory, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "liaison.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("LIAISON_HOME");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start liaison");
        if (stdin is not null)
        {
            process.StandardInput.WriteLine(stdin);
        }

        process.StandardInput.Close();
        return new NodeProcess(process);
    }

    /// <summary>Runs <c>liaison ARGS</c> to the end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string? stdin, params string[] args)
    {
        using var node = Start(workingDirectory, stdin, args);
        await node._process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        node._process.WaitForExit();
        return (node.ExitCode, node.Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>HTTP Basic credentials of a principal, as a header value.</summary>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>
    /// Asks <paramref name="url"/> as <paramref name="http"/> does until the served node answers with success (it
    /// refuses connections while it starts); fails with the node's output if it exits or takes more than a minute.
    /// </summary>
    public async Task WaitUntilServingAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.False(HasExited, "the node exited while starting:\n" + Output);
            Assert.True(DateTime.UtcNow < deadline, $"{url} did not answer within 60 s:\n" + Output);
            await Task.Delay(100);
        }
    }

    /// <summary>Sends the process a signal (say SIGTERM, 15, as a service manager stops it) and waits for it to exit.</summary>
    public async Task<int> SignalAsync(int signal)
    {
        Assert.Equal(0, SendSignal(_process.Id, signal));
        await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
