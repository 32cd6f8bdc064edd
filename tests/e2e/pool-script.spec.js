// scripts/create-pool.sh, run by scripts/test.sh against the fresh local Cognito before this
// suite (CREATED_POOL_CONFIG is the config.json it wrote): the pool and client are what the
// README promises, and the app signs in to them and rotates the refresh token.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { AppPage, COGNITO_URL, PASSWORD, cognito, uniqueName, useConfig } from './app.js';

function createdConfig() {
  const file = process.env.CREATED_POOL_CONFIG;
  if (!file) throw new Error('CREATED_POOL_CONFIG is not set: run the end-to-end tests with `bash scripts/test.sh`');
  return JSON.parse(readFileSync(file, 'utf8'));
}

test('the script writes a config.json for the pool it made, with the local endpoint', () => {
  const config = createdConfig();
  expect(Object.keys(config).sort()).toEqual(['clientId', 'endpoint', 'refreshMode', 'region', 'userPoolId']);
  expect(config.userPoolId.startsWith(`${config.region}_`)).toBe(true);
  expect(config).toMatchObject({ refreshMode: 'rotation', endpoint: COGNITO_URL });
});

test('the pool and its client are set up as the README says', async () => {
  const { userPoolId, clientId } = createdConfig();
  const { UserPool: pool } = await cognito.call('DescribeUserPool', { UserPoolId: userPoolId });
  expect(pool.Policies.PasswordPolicy).toMatchObject({
    MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
  });
  expect(pool.AliasAttributes).toEqual(['email']);
  expect(pool.AutoVerifiedAttributes).toEqual(['email']);
  expect(pool.MfaConfiguration).toBe('OPTIONAL'); // test.sh asks for --mfa optional
  expect(pool.DeletionProtection).toBe('ACTIVE');

  const { UserPoolClient: client } = await cognito.call('DescribeUserPoolClient', { UserPoolId: userPoolId, ClientId: clientId });
  expect(client.ClientSecret).toBeUndefined();
  expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH']);
  expect(client.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
  expect(client.EnableTokenRevocation).toBe(true);
  expect(client).toMatchObject({ AccessTokenValidity: 60, IdTokenValidity: 60, RefreshTokenValidity: 30 });
  expect(client.TokenValidityUnits).toEqual({ AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' });
});

test('the app signs in to the pool the script made, with SRP, and the refresh token rotates', async ({ page }) => {
  const config = createdConfig();
  const user = { username: uniqueName('made'), password: PASSWORD };
  await cognito.createUser(config.userPoolId, { ...user, email: `${user.username}@example.com` });
  await useConfig(page, config);
  const app = new AppPage(page);
  await app.open();
  await expect(app.byTestId('pool')).toContainText(config.userPoolId);
  await app.signIn(user);
  await app.expectSignedIn(user.username);
  expect(app.calls.slice(0, 2)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(JSON.parse(app.bodies[0])).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', ClientId: config.clientId });
  await app.byTestId('refresh-now').click();
  await expect(app.byTestId('notice')).toContainText('rotated');
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
});
