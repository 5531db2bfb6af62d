using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Creates a principal with a password (generated when <paramref name="password"/> is null: 24 random bytes,
    /// base64url) and a bearer token (<c>lsn_</c> and 32 random bytes, base64url). Only slow salted hashes
    /// (Argon2id) are stored: the returned secrets cannot be shown again. Takes a few tens of milliseconds.
    /// </summary>
    /// <param name="name">Unique name, regardless of case (see <see cref="TaxiiNames.PrincipalNameProblem"/>).</param>
    /// <param name="password">A chosen password (see <see cref="TaxiiNames.PasswordProblem"/>), or null to generate one.</param>
    /// <returns>The credentials; <see cref="PrincipalCredentials.Password"/> is null when the caller chose it.</returns>
    /// <exception cref="ArgumentException">The name or password is not acceptable (the message never repeats the password).</exception>
    /// <exception cref="StoreException">A principal of that name exists, revoked or not (names are kept for the record).</exception>
    public PrincipalCredentials CreatePrincipal(string name, string? password = null)
    {
        Require(TaxiiNames.PrincipalNameProblem(name), nameof(name));
        if (password is not null)
        {
            Require(TaxiiNames.PasswordProblem(password), nameof(password));
        }

        var secret = password ?? SecretHasher.NewPassword();
        var passwordHash = SecretHasher.Hash(secret);
        // Hashing is slow: done before taking the write lock.
        for (var attempt = 0; ; attempt++)
        {
            var token = SecretHasher.NewToken();
            var lookup = SecretHasher.TokenLookup(token);
            var tokenHash = SecretHasher.Hash(token);
            using var transaction = _connection.BeginTransaction(deferred: false);
            if (FindPrincipal(name, transaction) is { } existing)
            {
                throw new StoreException(existing.Revoked
                    ? $"principal '{existing.Name}' already exists (revoked; names are kept for the record): choose another name"
                    : $"principal '{existing.Name}' already exists: choose another name, or revoke it first");
            }

            using var taken = Command("SELECT 1 FROM principals WHERE token_lookup = $lookup", transaction);
            taken.Parameters.AddWithValue("$lookup", lookup);
            if (taken.ExecuteScalar() is not null && attempt < 3)
            {
                // Two tokens sharing 64 bits of hash: astronomically rare; draw another.
                continue;
            }

            using var insert = Command(
                "INSERT INTO principals (name, password_hash, token_lookup, token_hash, created_at_us) VALUES ($name, $password, $lookup, $token, $now)",
                transaction);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$password", passwordHash);
            insert.Parameters.AddWithValue("$lookup", lookup);
            insert.Parameters.AddWithValue("$token", tokenHash);
            insert.Parameters.AddWithValue("$now", NowMicroseconds());
            insert.ExecuteNonQuery();
            transaction.Commit();
            return new PrincipalCredentials(name, password is null ? secret : null, token);
        }
    }

    /// <summary>
    /// Revokes a principal's credentials: it can no longer authenticate, and its grants no longer give access. The row
    /// and its grants are kept for the record. Returns false when no active principal has that name.
    /// </summary>
    public bool RevokePrincipal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var command = Command("UPDATE principals SET revoked_at_us = $now WHERE name = $name AND revoked_at_us IS NULL");
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$now", NowMicroseconds());
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Every principal, revoked ones included, by name.</summary>
    public IReadOnlyList<PrincipalInfo> Principals()
    {
        using var command = Command("SELECT name, created_at_us, revoked_at_us IS NOT NULL FROM principals ORDER BY name");
        return ReadPrincipals(command);
    }

    /// <summary>The principal of that name (any case), revoked or not; null when there is none.</summary>
    public PrincipalInfo? FindPrincipal(string name) => FindPrincipal(name, null);

    /// <summary>
    /// The principal's name when <paramref name="password"/> is its password and it is not revoked; otherwise null.
    /// Never throws on bad input. An unknown name costs as much time as a wrong password, so timing does not tell
    /// which names exist; hashes are compared in constant time.
    /// </summary>
    public string? AuthenticatePassword(string? name, string? password)
    {
        if (name is null || password is null || TaxiiNames.PrincipalNameProblem(name) is not null)
        {
            return null;
        }

        using var command = Command("SELECT name, password_hash, revoked_at_us IS NOT NULL FROM principals WHERE name = $name");
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            SecretHasher.Burn(password);
            return null;
        }

        var valid = SecretHasher.Verify(password, reader.GetString(1));
        return valid && !reader.GetBoolean(2) ? reader.GetString(0) : null;
    }

    /// <summary>
    /// The name of the principal holding this bearer token when it is valid and not revoked; otherwise null. Never
    /// throws on bad input. The token's SHA-256 prefix finds the one candidate row; Argon2id decides.
    /// </summary>
    public string? AuthenticateToken(string? token)
    {
        if (!SecretHasher.LooksLikeToken(token))
        {
            return null;
        }

        using var command = Command("SELECT name, token_hash, revoked_at_us IS NOT NULL FROM principals WHERE token_lookup = $lookup");
        command.Parameters.AddWithValue("$lookup", SecretHasher.TokenLookup(token!));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var valid = SecretHasher.Verify(token!, reader.GetString(1));
        return valid && !reader.GetBoolean(2) ? reader.GetString(0) : null;
    }

    private PrincipalInfo? FindPrincipal(string name, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var command = Command("SELECT name, created_at_us, revoked_at_us IS NOT NULL FROM principals WHERE name = $name", transaction);
        command.Parameters.AddWithValue("$name", name);
        return ReadPrincipals(command).FirstOrDefault();
    }

    private static List<PrincipalInfo> ReadPrincipals(SqliteCommand command)
    {
        var results = new List<PrincipalInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new PrincipalInfo(reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }

        return results;
    }
}
