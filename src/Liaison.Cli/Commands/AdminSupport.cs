using System.Text;
using Liaison.Storage;
using Liaison.Storage.Sqlite;
using Liaison.Storage.Taxii;

namespace Liaison.Cli.Commands;

/// <summary>What the admin commands (principal, collection, grant) share: reading a secret, finding what is named.</summary>
internal static class AdminSupport
{
    private const int MaxLineBytes = 4096;

    /// <summary>
    /// The first line of standard input (without its line break), for <c>--password-stdin</c>. The secret itself never
    /// appears in an error message.
    /// </summary>
    public static string ReadSecretLine(CliEnvironment environment)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (environment.Stdin.Read(one, 0, 1) == 1 && one[0] != (byte)'\n')
        {
            if (bytes.Count == MaxLineBytes)
            {
                throw new CliException(ExitCodes.Usage, $"the line read from standard input is longer than {MaxLineBytes} bytes");
            }

            bytes.Add(one[0]);
        }

        string line;
        try
        {
            line = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray()).TrimEnd('\r');
        }
        catch (DecoderFallbackException)
        {
            throw new CliException(ExitCodes.Usage, "the line read from standard input is not valid UTF-8");
        }

        return line.Length > 0 ? line : throw new CliException(ExitCodes.Usage, "expected the secret (password or token) on the first line of standard input, found none");
    }

    /// <summary>The collection named by id or alias; an unknown one is a rejected request (exit 1).</summary>
    public static CollectionInfo Collection(SqliteStixStore store, string idOrAlias) =>
        store.FindCollection(idOrAlias)
        ?? throw new CliException(ExitCodes.Rejected, $"no collection '{idOrAlias}' in this node ('liaison collection list' shows them)");

    /// <summary>The principal of that name; an unknown one is a rejected request (exit 1).</summary>
    public static PrincipalInfo Principal(SqliteStixStore store, string name) =>
        store.FindPrincipal(name)
        ?? throw new CliException(ExitCodes.Rejected, $"no principal '{name}' in this node ('liaison principal list' shows them)");

    /// <summary>Runs a store change whose expected refusals (a name taken, something missing) exit 1 with the store's words.</summary>
    public static T Refusable<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (StoreException ex)
        {
            throw new CliException(ExitCodes.Rejected, ex.Message);
        }
    }

    /// <summary>A value checked by <see cref="TaxiiNames"/>: a refused one is a usage error (exit 2).</summary>
    public static string Checked(string value, Func<string, string?> problem) =>
        problem(value) is { } reason ? throw new CliException(ExitCodes.Usage, reason) : value;

    public static string Label(CollectionInfo collection) =>
        collection.Alias is null ? $"'{collection.Title}' ({collection.Id})" : $"'{collection.Title}' ({collection.Alias}, {collection.Id})";
}
