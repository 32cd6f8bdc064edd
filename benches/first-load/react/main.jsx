// The minimal React 18 + Amplify v6 sign-in page the first-load benchmark compares the app
// with: sign in (SRP, as the app), read the tokens, sign out; tokens in sessionStorage.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sessionStorage } from 'aws-amplify/utils';

Amplify.configure({
  Auth: { Cognito: { userPoolId: 'us-east-1_DemoPool1', userPoolClientId: 'demorotation1' } },
});
cognitoUserPoolsTokenProvider.setKeyValueStorage(sessionStorage);

function App() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState(null);
  const [error, setError] = useState('');

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn({ username, password });
      const { tokens } = await fetchAuthSession();
      setSession({ user: tokens?.accessToken.payload.username, expires: tokens?.accessToken.payload.exp });
    } catch (e) {
      setError(String(e.message ?? e));
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    await signOut();
    setSession(null);
  }

  if (session) {
    return (
      <main>
        <h1>Signed in as {session.user}</h1>
        <p>The access token expires at {new Date(session.expires * 1000).toLocaleTimeString()}.</p>
        <button onClick={leave}>Sign out</button>
      </main>
    );
  }
  return (
    <main>
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label htmlFor="username">Username</label>
        <input id="username" autoComplete="username" value={username} disabled={busy}
          onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" value={password}
          disabled={busy} onChange={(e) => setPassword(e.target.value)} required />
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
