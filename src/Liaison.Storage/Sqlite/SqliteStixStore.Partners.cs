using Liaison.Core.Agreements;
using Liaison.Storage.Partners;
using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Adds a partner: its principal (credentials returned once), its outbound collection (readable by it alone) and
    /// inbound collection (writable by it alone), and its pinned public key.
    /// </summary>
    /// <exception cref="ArgumentException">The code or key is malformed.</exception>
    /// <exception cref="StoreException">The partner, its principal or its collections' aliases exist already.</exception>
    public (PartnerInfo Partner, PrincipalCredentials Credentials) AddPartner(string code, string discoveryUrl, string publicKey, string addedBy, string? identityId = null)
    {
        Require(identityId is null || (Liaison.Core.Stix.StixId.TryParse(identityId, out var parsed, out _) && parsed.Value.Type == "identity")
            ? null : $"'{identityId}' is not an identity id (identity--UUID), as the partner's 'liaison identity show' prints it", nameof(identityId));
        Require(code is { Length: 3 or 4 } && code.All(char.IsAsciiLetterUpper) ? null : $"'{code}' is not a partner code: use its upper-case 3-letter country or 4-letter organisation code", nameof(code));
        Require(PublicKeyProblem(publicKey), nameof(publicKey));
        if (FindPartner(code) is not null)
        {
            throw new StoreException($"partner {code} exists already: its key changes with 'partner accept-key', its agreement with 'agreement apply'");
        }

        var principal = "partner-" + code.ToLowerInvariant();
        var credentials = CreatePrincipal(principal);
        var outbound = CreateCollection($"To {code}", $"What this node releases to {code}.", $"to-{code.ToLowerInvariant()}");
        var inbound = CreateCollection($"From {code}", $"What {code} sends this node.", $"from-{code.ToLowerInvariant()}");
        Grant(principal, outbound.Id, canRead: true, canWrite: false);
        Grant(principal, inbound.Id, canRead: false, canWrite: true);
        var now = NowMicroseconds();
        using var transaction = _connection.BeginTransaction(deferred: false);
        using (var insert = Command("INSERT INTO partners (code, principal, outbound_collection, inbound_collection, discovery_url, added_at_us, identity_id) VALUES ($c, $p, $o, $i, $u, $now, $id)", transaction))
        {
            insert.Parameters.AddWithValue("$id", (object?)identityId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$c", code);
            insert.Parameters.AddWithValue("$p", principal);
            insert.Parameters.AddWithValue("$o", CollectionIdText(outbound.Id));
            insert.Parameters.AddWithValue("$i", CollectionIdText(inbound.Id));
            insert.Parameters.AddWithValue("$u", discoveryUrl);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }

        InsertKey(code, publicKey, addedBy, now, transaction);
        transaction.Commit();
        return (new PartnerInfo(code, principal, outbound.Id, inbound.Id, discoveryUrl, publicKey, now, identityId), credentials);
    }

    /// <summary>Every partner, by code.</summary>
    public IReadOnlyList<PartnerInfo> Partners()
    {
        using var command = Command(PartnerSelect + " ORDER BY p.code");
        return ReadPartners(command);
    }

    /// <summary>The partner with this code, or null.</summary>
    public PartnerInfo? FindPartner(string code)
    {
        using var command = Command(PartnerSelect + " WHERE p.code = $c");
        command.Parameters.AddWithValue("$c", code);
        return ReadPartners(command).FirstOrDefault();
    }

    /// <summary>The partner whose principal this is, or null (a tool or a person, not a partner).</summary>
    public PartnerInfo? PartnerOfPrincipal(string principal)
    {
        using var command = Command(PartnerSelect + " WHERE p.principal = $p");
        command.Parameters.AddWithValue("$p", principal);
        return ReadPartners(command).FirstOrDefault();
    }

    /// <summary>
    /// Pins a new public key for a partner, by explicit decision of <paramref name="acceptedBy"/>; the old keys stay in
    /// the history. Returns false when this key is already the pinned one.
    /// </summary>
    /// <exception cref="StoreException">No such partner.</exception>
    public bool AcceptPartnerKey(string code, string publicKey, string acceptedBy)
    {
        Require(PublicKeyProblem(publicKey), nameof(publicKey));
        var partner = FindPartner(code) ?? throw new StoreException($"no partner {code}: add it with 'partner add'");
        if (partner.PublicKey == publicKey)
        {
            return false;
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        InsertKey(code, publicKey, acceptedBy, Math.Max(NowMicroseconds(), LastKeyTime(code, transaction) + 1), transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Every key pinned for the partner, oldest first: (accepted at, key, by whom).</summary>
    public IReadOnlyList<(long AcceptedAtMicroseconds, string PublicKey, string AcceptedBy)> PartnerKeys(string code)
    {
        using var command = Command("SELECT accepted_at_us, public_key, accepted_by FROM partner_keys WHERE code = $c ORDER BY accepted_at_us");
        command.Parameters.AddWithValue("$c", code);
        using var reader = command.ExecuteReader();
        var keys = new List<(long, string, string)>();
        while (reader.Read())
        {
            keys.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    }

    /// <summary>
    /// Records a new version of a partner's agreement, and its ledger entry, in one transaction. Versions only go up;
    /// the text is kept as written.
    /// </summary>
    /// <exception cref="StoreException">No such partner, or the version is not above the one in force.</exception>
    public AgreementRecord ApplyAgreement(Agreement agreement, string appliedBy)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (FindPartner(agreement.Partner) is null)
        {
            throw new StoreException($"no partner {agreement.Partner}: add it with 'partner add' before applying its agreement");
        }

        using var batch = BeginBatch();
        var record = batch.ApplyAgreement(agreement, appliedBy, NowMicroseconds());
        batch.Commit();
        return record;
    }

    /// <summary>An applied agreement: <paramref name="version"/>, or the one in force when null; null when there is none.</summary>
    public AgreementRecord? FindAgreement(string partner, int? version = null)
    {
        using var command = Command(version is null
            ? "SELECT partner, version, applied_at_us, applied_by, sha256, text FROM agreements WHERE partner = $p ORDER BY version DESC LIMIT 1"
            : "SELECT partner, version, applied_at_us, applied_by, sha256, text FROM agreements WHERE partner = $p AND version = $v");
        command.Parameters.AddWithValue("$p", partner);
        command.Parameters.AddWithValue("$v", version ?? 0);
        return ReadAgreements(command).FirstOrDefault();
    }

    /// <summary>Every applied version of a partner's agreement, oldest first.</summary>
    public IReadOnlyList<AgreementRecord> AgreementHistory(string partner)
    {
        using var command = Command("SELECT partner, version, applied_at_us, applied_by, sha256, text FROM agreements WHERE partner = $p ORDER BY version");
        command.Parameters.AddWithValue("$p", partner);
        return ReadAgreements(command);
    }

    private const string PartnerSelect =
        "SELECT p.code, p.principal, p.outbound_collection, p.inbound_collection, p.discovery_url, " +
        "(SELECT k.public_key FROM partner_keys k WHERE k.code = p.code ORDER BY k.accepted_at_us DESC LIMIT 1), p.added_at_us, p.identity_id FROM partners p";

    private static List<PartnerInfo> ReadPartners(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var partners = new List<PartnerInfo>();
        while (reader.Read())
        {
            partners.Add(new PartnerInfo(reader.GetString(0), reader.GetString(1), Guid.Parse(reader.GetString(2)), Guid.Parse(reader.GetString(3)),
                reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return partners;
    }

    private static List<AgreementRecord> ReadAgreements(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<AgreementRecord>();
        while (reader.Read())
        {
            records.Add(new AgreementRecord(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return records;
    }

    private void InsertKey(string code, string publicKey, string acceptedBy, long at, SqliteTransaction transaction)
    {
        using var insert = Command("INSERT INTO partner_keys (code, accepted_at_us, public_key, accepted_by) VALUES ($c, $at, $k, $by)", transaction);
        insert.Parameters.AddWithValue("$c", code);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$k", publicKey);
        insert.Parameters.AddWithValue("$by", acceptedBy);
        insert.ExecuteNonQuery();
    }

    private long LastKeyTime(string code, SqliteTransaction transaction)
    {
        using var command = Command("SELECT MAX(accepted_at_us) FROM partner_keys WHERE code = $c", transaction);
        command.Parameters.AddWithValue("$c", code);
        return command.ExecuteScalar() is long at ? at : 0;
    }

    /// <summary>Why a public key text is not a base64 Ed25519 key (32 bytes), or null.</summary>
    private static string? PublicKeyProblem(string? publicKey)
    {
        var bytes = new byte[64];
        return publicKey is not null && Convert.TryFromBase64String(publicKey, bytes, out var length) && length == 32
            ? null
            : "the public key must be the base64 text of a 32-byte Ed25519 public key, as 'liaison identity show' prints it";
    }
}
