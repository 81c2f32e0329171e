declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: {stem(token: string): string}
  export default stemmer
}
