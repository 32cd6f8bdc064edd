#!/usr/bin/env bash
# Creates a user pool and an app client the way this app needs them, then writes a config.json
# for it. With AWS CLI commands (awscli from PyPI, pinned; installed under ~/.cache if missing).
#
#   bash scripts/create-pool.sh --region ap-northeast-1 [--profile NAME] [--name NAME]
#                               [--mfa off|optional|on] [--out config.json]
#   bash scripts/create-pool.sh --endpoint-url http://127.0.0.1:4566/ ...   (a local Cognito)
#
# What it makes: a pool on the Essentials plan (refresh-token rotation needs it) whose users
# sign in with their username or email address (email verified by code), with a password
# policy (12+ characters, upper and lower case, digits, symbols) and deletion protection on;
# MFA off, optional or required, by authenticator app; an app client without a secret for SRP
# (ALLOW_USER_SRP_AUTH), refresh-token rotation on with a 10-second retry grace period, token
# revocation on, access and id tokens for 60 minutes, refresh tokens for 30 days.
# It prints the ids and the commands that delete it all again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AWSCLI_VERSION=1.46.3
AWSCLI_HOME="$HOME/.cache/cognito-client/awscli"

region="" profile="" endpoint="" name="cognito-client" mfa="off" out="config.json"
usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while (($#)); do
  case "$1" in
    --region) region=${2:?}; shift 2 ;;
    --profile) profile=${2:?}; shift 2 ;;
    --endpoint-url) endpoint=${2:?}; shift 2 ;;
    --name) name=${2:?}; shift 2 ;;
    --mfa) mfa=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    *) echo "create-pool: unknown option $1" >&2; usage ;;
  esac
done
case "$mfa" in off) mfa_configuration=OFF ;; optional) mfa_configuration=OPTIONAL ;; on) mfa_configuration=ON ;;
  *) echo "create-pool: --mfa is off, optional or on, not \"$mfa\"" >&2; exit 2 ;;
esac
if [ -z "$region" ]; then
  region=$(aws configure get region ${profile:+--profile "$profile"} 2>/dev/null || true)
  [ -n "$region" ] || { echo "create-pool: give --region (the pool's AWS region)" >&2; exit 2; }
fi

# The AWS CLI, pinned, in its own virtual environment.
aws_cli="$AWSCLI_HOME/bin/aws"
if ! "$aws_cli" --version 2>&1 | grep -qF "aws-cli/$AWSCLI_VERSION "; then
  echo "create-pool: installing awscli $AWSCLI_VERSION from PyPI into $AWSCLI_HOME (first time only)" >&2
  python3 -m venv "$AWSCLI_HOME"
  "$AWSCLI_HOME/bin/pip" install --quiet --disable-pip-version-check "awscli==$AWSCLI_VERSION"
fi
aws() {
  "$aws_cli" --region "$region" --output text ${profile:+--profile "$profile"} \
    ${endpoint:+--endpoint-url "$endpoint"} "$@"
}

pool_id=$(aws cognito-idp create-user-pool --pool-name "$name" \
  --user-pool-tier ESSENTIALS \
  --alias-attributes email --auto-verified-attributes email \
  --policies 'PasswordPolicy={MinimumLength=12,RequireUppercase=true,RequireLowercase=true,RequireNumbers=true,RequireSymbols=true,TemporaryPasswordValidityDays=7}' \
  --account-recovery-setting 'RecoveryMechanisms=[{Priority=1,Name=verified_email}]' \
  --deletion-protection ACTIVE \
  --query UserPool.Id)
echo "create-pool: made the user pool $pool_id in $region" >&2

if [ "$mfa_configuration" != OFF ]; then
  aws cognito-idp set-user-pool-mfa-config --user-pool-id "$pool_id" \
    --software-token-mfa-configuration Enabled=true \
    --mfa-configuration "$mfa_configuration" >/dev/null
  echo "create-pool: MFA $mfa (authenticator apps)" >&2
fi

client_id=$(aws cognito-idp create-user-pool-client --user-pool-id "$pool_id" \
  --client-name "$name-web" --no-generate-secret \
  --explicit-auth-flows ALLOW_USER_SRP_AUTH \
  --refresh-token-rotation Feature=ENABLED,RetryGracePeriodSeconds=10 \
  --enable-token-revocation --prevent-user-existence-errors ENABLED \
  --access-token-validity 60 --id-token-validity 60 --refresh-token-validity 30 \
  --token-validity-units AccessToken=minutes,IdToken=minutes,RefreshToken=days \
  --query UserPoolClient.ClientId)
echo "create-pool: made the app client $client_id (no secret, SRP, rotation on)" >&2

REGION=$region POOL=$pool_id CLIENT=$client_id ENDPOINT=$endpoint node -e '
  const { REGION, POOL, CLIENT, ENDPOINT } = process.env;
  const config = { region: REGION, userPoolId: POOL, clientId: CLIENT, refreshMode: "rotation" };
  if (ENDPOINT) config.endpoint = ENDPOINT;
  console.log(JSON.stringify(config, null, 2));' >"$out"
echo "create-pool: wrote $out" >&2

flags="--region $region${profile:+ --profile $profile}${endpoint:+ --endpoint-url $endpoint}"
cat >&2 <<DONE
To delete what this made:
  aws cognito-idp update-user-pool --user-pool-id $pool_id --deletion-protection INACTIVE $flags
  aws cognito-idp delete-user-pool --user-pool-id $pool_id $flags
DONE
