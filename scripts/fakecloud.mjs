// The local Cognito: fakecloud's admin API (unsigned JSON, as REFERENCE §3 describes) and the
// demo pool both the run command and the tests use. Dev and test tool only.
//
//   node scripts/fakecloud.mjs seed [--endpoint http://127.0.0.1:4566]
import { parseArgs } from 'node:util';

export const DEMO = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_DemoPool1',
  rotationClientId: 'demorotation1',
  legacyClientId: 'demolegacy1',
  user: { username: 'demo', password: 'Demo-Passw0rd!', email: 'demo@example.com' },
  newUser: { username: 'newcomer', password: 'Temp-Passw0rd!', email: 'newcomer@example.com' },
  // MFA is optional in the demo pool: these two have a second factor, everyone else has none.
  appMfaUser: {
    username: 'mfa-demo',
    password: 'Demo-Passw0rd!',
    email: 'mfa-demo@example.com',
    // Add it to an authenticator app, or print today's code: node scripts/totp.mjs <secret>
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  smsMfaUser: { username: 'sms-demo', password: 'Demo-Passw0rd!', email: 'sms-demo@example.com', phone: '+15555550123' },
  // A second pool that requires MFA (`ON`): its users set up an authenticator app at sign-in.
  mfaPoolId: 'us-east-1_MfaPool1',
  mfaClientId: 'mfarequired1',
  setupUser: { username: 'setup-demo', password: 'Demo-Passw0rd!', email: 'setup-demo@example.com' },
};

export class Fakecloud {
  constructor(endpoint = 'http://127.0.0.1:4566') {
    this.endpoint = endpoint.replace(/\/$/, '');
  }

  /** One Cognito operation; resolves to the answer's JSON, throws with Cognito's error code. */
  async call(operation, body) {
    const response = await fetch(`${this.endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = new Error(`${operation}: ${json.__type ?? response.status}: ${json.message ?? text}`);
      error.code = String(json.__type ?? '').split('#').pop();
      throw error;
    }
    return json;
  }

  /** Same call, but resolves to the error code (or 'OK'): for asserting refusals. */
  async outcome(operation, body) {
    try {
      await this.call(operation, body);
      return 'OK';
    } catch (error) {
      if (!error.code) throw error;
      return error.code;
    }
  }

  async control(path, body) {
    const response = await fetch(`${this.endpoint}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : {};
  }

  async createUser(poolId, { username, password, email, phone }, { permanent = true } = {}) {
    const attributes = [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ];
    if (phone) attributes.push({ Name: 'phone_number', Value: phone }, { Name: 'phone_number_verified', Value: 'true' });
    await this.call('AdminCreateUser', {
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: password,
      MessageAction: 'SUPPRESS',
      UserAttributes: attributes,
    });
    if (permanent) {
      await this.call('AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: password, Permanent: true });
    }
  }

  /** The code fakecloud "sent" the user (sign-up confirmation or password reset). */
  async confirmationCode(poolId, username) {
    const codes = await this.control(`/_fakecloud/cognito/confirmation-codes/${poolId}/${encodeURIComponent(username)}`);
    return codes.confirmationCode ?? codes.confirmation_code;
  }

  /** Lets a pool's users have a second factor (`OPTIONAL`) or requires one (`ON`). */
  setMfa(poolId, configuration) {
    return this.call('SetUserPoolMfaConfig', {
      UserPoolId: poolId,
      MfaConfiguration: configuration,
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { Enabled: true },
    });
  }

  /** Gives a user a verified authenticator app with this secret (base32), as if set up. */
  enrolAuthenticator(poolId, username, secret) {
    return this.control('/_fakecloud/cognito/software-token', { userPoolId: poolId, username, secretCode: secret });
  }

  /** Turns on text-message MFA for a user (who needs a phone number). */
  enableSmsMfa(poolId, username) {
    return this.call('AdminSetUserMFAPreference', {
      UserPoolId: poolId,
      Username: username,
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  }

  /** The text messages the local Cognito "sent", oldest first: `{ phoneNumber, message }`. */
  async textMessages() {
    return (await this.control('/_fakecloud/sns/sms')).messages;
  }

  /** Kills every token of a user, as a revocation on the server would. */
  expireTokens(poolId, username) {
    return this.control('/_fakecloud/cognito/expire-tokens', { userPoolId: poolId, username });
  }

  /**
   * The demo pool: a rotating client, a legacy one, a ready user, one who must change password,
   * and two with a second factor (an authenticator app; text messages).
   */
  async seedDemo() {
    await this.control('/_fakecloud/reset/cognito', {});
    const { userPoolId, rotationClientId, legacyClientId } = DEMO;
    const pool = (id, name) =>
      this.call('CreateUserPool', {
        PoolName: name,
        UserPoolTags: { _custom_id_: id },
        Policies: {
          PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true },
        },
      });
    await pool(userPoolId, 'demo');
    const client = (id, rotation, poolId = userPoolId) => ({
      UserPoolId: poolId,
      ClientName: `_custom_id_:${id}`,
      GenerateSecret: false,
      EnableTokenRevocation: true,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      ...(rotation
        ? {
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
            RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
          }
        : { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    });
    await this.call('CreateUserPoolClient', client(rotationClientId, true));
    await this.call('CreateUserPoolClient', client(legacyClientId, false));
    await this.createUser(userPoolId, DEMO.user);
    await this.createUser(userPoolId, DEMO.newUser, { permanent: false });
    await this.setMfa(userPoolId, 'OPTIONAL');
    await this.createUser(userPoolId, DEMO.appMfaUser);
    await this.enrolAuthenticator(userPoolId, DEMO.appMfaUser.username, DEMO.appMfaUser.totpSecret);
    await this.createUser(userPoolId, DEMO.smsMfaUser);
    await this.enableSmsMfa(userPoolId, DEMO.smsMfaUser.username);
    await pool(DEMO.mfaPoolId, 'mfa-required');
    await this.call('CreateUserPoolClient', client(DEMO.mfaClientId, true, DEMO.mfaPoolId));
    await this.setMfa(DEMO.mfaPoolId, 'ON');
    await this.createUser(DEMO.mfaPoolId, DEMO.setupUser);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { endpoint: { type: 'string' } } });
  if (positionals[0] !== 'seed') {
    console.error('usage: node scripts/fakecloud.mjs seed [--endpoint URL]');
    process.exit(2);
  }
  await new Fakecloud(values.endpoint).seedDemo();
  console.log(`fakecloud: seeded pool ${DEMO.userPoolId} (clients ${DEMO.rotationClientId}, ${DEMO.legacyClientId}) and ${DEMO.mfaPoolId}, which requires MFA (client ${DEMO.mfaClientId})`);
}
